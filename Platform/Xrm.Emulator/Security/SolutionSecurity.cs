using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Xrm.Emulator.Security;

/// <summary>Reads an unpacked solution's roles (Roles/*.xml) and field security profiles (Other/FieldSecurityProfiles.xml).</summary>
internal static class SolutionSecurity
{
    public static void LoadInto(SecurityModel security, string solutionFolder)
    {
        var roles = Path.Combine(solutionFolder, "Roles");
        if (Directory.Exists(roles))
        {
            foreach (var file in Directory.GetFiles(roles, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
            {
                var element = XDocument.Load(file).Root!;
                var role = new SecurityRole((string?)element.Attribute("name") ?? Path.GetFileNameWithoutExtension(file));
                foreach (var privilege in element.Descendants("RolePrivilege"))
                {
                    role.Grant((string)privilege.Attribute("name")!, DepthOf((string?)privilege.Attribute("level"), file));
                }

                security.AddSolutionRole(role);
            }
        }

        var profiles = Path.Combine(solutionFolder, "Other", "FieldSecurityProfiles.xml");
        if (!File.Exists(profiles)) return;
        foreach (var element in XDocument.Load(profiles).Root!.Elements("FieldSecurityProfile"))
        {
            var profile = new FieldSecurityProfile((string)element.Attribute("name")!);
            foreach (var permission in element.Descendants("FieldPermission"))
            {
                profile.Allow(
                    (string)permission.Element("EntityName")!, (string)permission.Element("AttributeName")!,
                    read: Allowed(permission, "CanRead"), update: Allowed(permission, "CanUpdate"), create: Allowed(permission, "CanCreate"));
            }

            security.AddSolutionProfile(profile);
        }
    }

    private static bool Allowed(XElement permission, string name) => permission.Element(name)?.Value.Trim() == "4";

    private static PrivilegeDepth DepthOf(string? level, string file) => level switch
    {
        "Basic" => PrivilegeDepth.User,
        "Local" => PrivilegeDepth.BusinessUnit,
        "Deep" => PrivilegeDepth.ParentChild,
        "Global" => PrivilegeDepth.Organization,
        _ => throw new InvalidDataException($"{file}: unknown privilege level '{level}' (Basic, Local, Deep, Global)."),
    };
}
