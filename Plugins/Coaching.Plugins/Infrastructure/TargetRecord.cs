using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Infrastructure
{
    /// <summary>
    /// One record of the operation: the Target (what the request sets) and its images. The platform
    /// hands single messages a Target and bulk messages Targets with image arrays in step; both arrive here
    /// as a list so each plugin has one code path.
    /// </summary>
    public sealed class TargetRecord
    {
        public const string PreImageAlias = "PreImage";
        public const string PostImageAlias = "PostImage";

        public TargetRecord(Entity target, Entity? preImage, Entity? postImage)
        {
            Target = target;
            PreImage = preImage;
            PostImage = postImage;
        }

        public Entity Target { get; }

        public Entity? PreImage { get; }

        public Entity? PostImage { get; }

        /// <summary>The value after the request: the Target's when it sets the column, else the pre-image's.</summary>
        public T Value<T>(string column)
        {
            if (Target.Contains(column)) return Target.GetAttributeValue<T>(column);
            return PreImage != null ? PreImage.GetAttributeValue<T>(column) : default!;
        }

        public bool Sets(string column) => Target.Contains(column);

        public static IReadOnlyList<TargetRecord> From(IPluginExecutionContext context)
        {
            var records = new List<TargetRecord>();
            if (context.InputParameters.TryGetValue("Targets", out EntityCollection targets))
            {
                var bulk = context as IPluginExecutionContext4;
                for (var i = 0; i < targets.Entities.Count; i++)
                {
                    records.Add(new TargetRecord(
                        targets.Entities[i],
                        ImageAt(bulk?.PreEntityImagesCollection, i, PreImageAlias),
                        ImageAt(bulk?.PostEntityImagesCollection, i, PostImageAlias)));
                }
            }
            else if (context.InputParameters.TryGetValue("Target", out Entity target))
            {
                records.Add(new TargetRecord(target, Image(context.PreEntityImages, PreImageAlias), Image(context.PostEntityImages, PostImageAlias)));
            }

            return records;
        }

        private static Entity? ImageAt(EntityImageCollection[]? images, int index, string alias) =>
            images != null && index < images.Length ? Image(images[index], alias) : null;

        private static Entity? Image(EntityImageCollection? images, string alias) =>
            images != null && images.TryGetValue(alias, out var image) ? image : null;
    }
}
