using System;
using System.Security.Cryptography;
using System.Text;

namespace Coaching.Plugins.Infrastructure
{
    /// <summary>
    /// The id of a record that exists once per source record (the action-item tasks of a session, the
    /// reflection task of a phone call), derived from the source id and its purpose as an RFC 4122 name-based
    /// (version 5) UUID. A replayed event derives the same ids, finds the records it created and creates
    /// nothing twice; the next session finds the previous session's tasks by id, without an extra column.
    /// </summary>
    public static class DerivedId
    {
        public static Guid Of(Guid source, string purpose)
        {
            if (string.IsNullOrEmpty(purpose)) throw new ArgumentException("Name what the id is for.", nameof(purpose));

            var name = Encoding.UTF8.GetBytes(purpose);
            var input = new byte[16 + name.Length];
            Buffer.BlockCopy(ToNetworkOrder(source.ToByteArray()), 0, input, 0, 16);
            Buffer.BlockCopy(name, 0, input, 16, name.Length);

            byte[] hash;
            using (var sha1 = SHA1.Create())
            {
                hash = sha1.ComputeHash(input);
            }

            var uuid = new byte[16];
            Array.Copy(hash, uuid, 16);
            uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
            uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new Guid(ToNetworkOrder(uuid));
        }

        // Guid.ToByteArray stores the first three fields little-endian; RFC 4122 hashes them big-endian.
        // The swap is its own inverse, so it also turns the hashed bytes back into Guid order.
        private static byte[] ToNetworkOrder(byte[] bytes)
        {
            var swapped = (byte[])bytes.Clone();
            Array.Reverse(swapped, 0, 4);
            Array.Reverse(swapped, 4, 2);
            Array.Reverse(swapped, 6, 2);
            return swapped;
        }
    }
}
