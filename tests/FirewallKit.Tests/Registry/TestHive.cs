using System.Buffers.Binary;
using System.Text;

namespace FirewallKit.Tests.Registry;

/// <summary>
/// Builds a small regf hive for tests: a root key with subkeys holding REG_SZ and REG_DWORD values, laid out as
/// Windows lays out cells (size, then an nk, vk, lf or value-list record), with ASCII names stored compressed.
/// </summary>
internal sealed class TestHive
{
    private readonly List<(string Name, (string Name, object Value)[] Values)> _keys = [];

    public TestHive Key(string name, params (string Name, object Value)[] values)
    {
        _keys.Add((name, values));
        return this;
    }

    public byte[] Build()
    {
        var bins = new List<byte>();
        int Cell(byte[] record)
        {
            var offset = bins.Count;
            var size = (record.Length + 4 + 7) & ~7;
            var cell = new byte[size];
            BinaryPrimitives.WriteInt32LittleEndian(cell, -size);
            record.CopyTo(cell, 4);
            bins.AddRange(cell);
            return offset;
        }

        var children = new List<int>();
        foreach (var (name, values) in _keys)
        {
            var valueCells = values.Select(v => Cell(Vk(v.Name, v.Value, Cell))).ToList();
            var list = new byte[4 * valueCells.Count];
            for (var i = 0; i < valueCells.Count; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(list.AsSpan(4 * i), valueCells[i]);
            }

            children.Add(Cell(Nk(name, 0, -1, valueCells.Count, valueCells.Count == 0 ? -1 : Cell(list))));
        }

        var lf = new byte[4 + (8 * children.Count)];
        "lf"u8.CopyTo(lf);
        BinaryPrimitives.WriteUInt16LittleEndian(lf.AsSpan(2), (ushort)children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(lf.AsSpan(4 + (8 * i)), children[i]);
        }

        var root = Cell(Nk("ROOT", children.Count, Cell(lf), 0, -1));
        var hive = new byte[0x1000 + bins.Count + 16];
        "regf"u8.CopyTo(hive);
        BinaryPrimitives.WriteInt32LittleEndian(hive.AsSpan(0x24), root);
        bins.CopyTo(hive, 0x1000);
        return hive;
    }

    private static byte[] Nk(string name, int subkeys, int subkeyList, int values, int valueList)
    {
        var record = new byte[76 + name.Length];
        "nk"u8.CopyTo(record);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(2), 0x20);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(20), subkeys);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(28), subkeyList);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(36), values);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(40), valueList);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(72), (ushort)name.Length);
        Encoding.ASCII.GetBytes(name).CopyTo(record, 76);
        return record;
    }

    private static byte[] Vk(string name, object value, Func<byte[], int> cell)
    {
        var record = new byte[20 + name.Length];
        "vk"u8.CopyTo(record);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(2), (ushort)name.Length);
        if (value is uint number)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), 0x80000004); // four bytes, held inline
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), number);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), 4);
        }
        else
        {
            var data = Encoding.Unicode.GetBytes((string)value + "\0");
            BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4), data.Length);
            BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(8), cell(data));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), 1);
        }

        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(16), 1);
        Encoding.ASCII.GetBytes(name).CopyTo(record, 20);
        return record;
    }
}
