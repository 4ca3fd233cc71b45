using System.Buffers.Binary;
using System.Text;
using FirewallKit.Core.Sets;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Registry;

/// <summary>
/// A read-only reader of a Windows registry hive file (regf), such as the <c>.wfw</c> file <c>netsh advfirewall export</c>
/// writes: it walks the key tree from the root cell and yields every value. Only what a hive needs to be read is
/// followed: key nodes (<c>nk</c>), subkey lists (<c>lf</c>, <c>lh</c>, <c>li</c>, <c>ri</c>), value nodes (<c>vk</c>)
/// and big data (<c>db</c>); transaction logs and free cells are not. Every offset is checked against the file.
/// </summary>
public static class RegfHive
{
    private const int BinsStart = 0x1000;
    private const int BigDataSegment = 16344;
    private const int MaxDepth = 512;

    public static bool Looks(ReadOnlySpan<byte> bytes) => bytes.StartsWith("regf"u8);

    /// <exception cref="InputException">The hive is damaged; the error names the cell.</exception>
    public static IReadOnlyList<RegistryValue> Read(string file, ReadOnlySpan<byte> bytes)
    {
        var reader = new Walker(file, bytes.ToArray());
        var values = new List<RegistryValue>();
        reader.Walk(reader.UInt(0x24), string.Empty, 0, values);
        return values;
    }

    private sealed class Walker(string file, byte[] data)
    {
        private readonly HashSet<uint> _visited = [];

        public uint UInt(int offset) => offset >= 0 && offset + 4 <= data.Length ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset)) : throw Damaged(offset, "an offset past the end of the file");

        public void Walk(uint cell, string parent, int depth, List<RegistryValue> values)
        {
            if (depth > MaxDepth || !_visited.Add(cell))
            {
                throw Damaged(Cell(cell), "a key that contains itself");
            }

            var p = Cell(cell);
            Signature(p, "nk");
            var flags = UShort(p + 2);
            var subkeyCount = UInt(p + 20);
            var subkeyList = UInt(p + 28);
            var valueCount = UInt(p + 36);
            var valueList = UInt(p + 40);
            var name = Name(p + 76, UShort(p + 72), compressed: (flags & 0x20) != 0);
            var path = depth == 0 ? name : parent.Length == 0 ? name : parent + "\\" + name;
            if (valueCount > 0 && valueList != uint.MaxValue)
            {
                var list = Cell(valueList);
                for (var i = 0; i < valueCount; i++)
                {
                    values.Add(Value(UInt(list + (4 * i)), path));
                }
            }

            if (subkeyCount > 0 && subkeyList != uint.MaxValue)
            {
                foreach (var child in Subkeys(subkeyList, 0))
                {
                    Walk(child, path, depth + 1, values);
                }
            }
        }

        private List<uint> Subkeys(uint list, int depth)
        {
            var p = Cell(list);
            var count = UShort(p + 2);
            var signature = Encoding.ASCII.GetString(Slice(p, 2));
            return signature switch
            {
                "lf" or "lh" => [.. Enumerable.Range(0, count).Select(i => UInt(p + 4 + (8 * i)))],
                "li" => [.. Enumerable.Range(0, count).Select(i => UInt(p + 4 + (4 * i)))],
                "ri" when depth < 4 => [.. Enumerable.Range(0, count).SelectMany(i => Subkeys(UInt(p + 4 + (4 * i)), depth + 1))],
                _ => throw Damaged(p, $"a subkey list of kind '{signature}'"),
            };
        }

        private RegistryValue Value(uint cell, string key)
        {
            var q = Cell(cell);
            Signature(q, "vk");
            var nameLength = UShort(q + 2);
            var size = UInt(q + 4);
            var dataOffset = UInt(q + 8);
            var type = UInt(q + 12);
            var flags = UShort(q + 16);
            var name = Name(q + 20, nameLength, compressed: (flags & 1) != 0);
            byte[] bytes;
            if ((size & 0x80000000) != 0)
            {
                // Four bytes or fewer are held in the offset field itself.
                bytes = Slice(q + 8, Math.Min(4, (int)(size & 0x7FFFFFFF)));
            }
            else if (size > BigDataSegment && Encoding.ASCII.GetString(Slice(Cell(dataOffset), 2)) == "db")
            {
                var db = Cell(dataOffset);
                var segments = Cell(UInt(db + 4));
                var joined = new List<byte>();
                for (var i = 0; i < UShort(db + 2) && joined.Count < size; i++)
                {
                    joined.AddRange(Slice(Cell(UInt(segments + (4 * i))), (int)Math.Min(BigDataSegment, size - (uint)joined.Count)));
                }

                bytes = [.. joined];
            }
            else
            {
                bytes = Slice(Cell(dataOffset), (int)size);
            }

            return new RegistryValue(key, name, (RegistryValueType)type, ValueList.Create<byte>(bytes)) { Location = $"cell 0x{cell:x}" };
        }

        private int Cell(uint offset) => offset < data.Length - BinsStart - 4 ? BinsStart + (int)offset + 4 : throw Damaged((int)Math.Min(offset, int.MaxValue), "a cell past the end of the file");

        private ushort UShort(int offset) => offset >= 0 && offset + 2 <= data.Length ? BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset)) : throw Damaged(offset, "an offset past the end of the file");

        private byte[] Slice(int offset, int length) =>
            offset >= 0 && length >= 0 && offset + (long)length <= data.Length ? data.AsSpan(offset, length).ToArray() : throw Damaged(offset, "data past the end of the file");

        private string Name(int offset, int length, bool compressed) =>
            compressed ? Encoding.Latin1.GetString(Slice(offset, length)) : Encoding.Unicode.GetString(Slice(offset, length));

        private void Signature(int offset, string expected)
        {
            if (Encoding.ASCII.GetString(Slice(offset, 2)) != expected)
            {
                throw Damaged(offset, $"no '{expected}' record where one belongs");
            }
        }

        private InputException Damaged(int offset, string what) =>
            new(file, $"byte 0x{offset:x}", $"the registry hive is damaged: {what}", "export the firewall again with netsh advfirewall export FILE.wfw and give that file");
    }
}
