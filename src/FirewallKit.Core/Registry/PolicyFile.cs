using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using FirewallKit.Core.Sets;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Registry;

/// <summary>
/// A Registry.pol file ([MS-GPREG] 2.1, "PReg" version 1): the signature <c>PReg</c>, the DWORD 1, then records
/// <c>[key;value;type;size;data]</c> whose brackets, semicolons, key and value name are UTF-16LE (names end with a NUL)
/// and whose type and size are little-endian DWORDs. A GPO's <c>Machine\registry.pol</c> and LGPO.exe use this form.
/// </summary>
public static class PolicyFile
{
    public static ReadOnlySpan<byte> Signature => "PReg"u8;

    public const uint Version = 1;

    public static byte[] Write(IEnumerable<RegistryValue> values)
    {
        using var stream = new MemoryStream();
        stream.Write(Signature);
        WriteDWord(stream, Version);
        foreach (var value in values)
        {
            Char(stream, '[');
            stream.Write(Encoding.Unicode.GetBytes(value.Key + "\0"));
            Char(stream, ';');
            stream.Write(Encoding.Unicode.GetBytes(value.Name + "\0"));
            Char(stream, ';');
            WriteDWord(stream, (uint)value.Type);
            Char(stream, ';');
            WriteDWord(stream, (uint)value.Data.Count);
            Char(stream, ';');
            stream.Write([.. value.Data]);
            Char(stream, ']');
        }

        return stream.ToArray();
    }

    /// <summary>Whether the bytes start as a Registry.pol does.</summary>
    public static bool Looks(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>Every record of the file; <see cref="RegistryValue.Location"/> is the record's byte offset.</summary>
    /// <exception cref="InputException">The bytes are not a Registry.pol; the error names the offset.</exception>
    public static IReadOnlyList<RegistryValue> Read(string file, ReadOnlySpan<byte> bytes)
    {
        const string Fix = "give a Registry.pol as Group Policy or LGPO.exe writes it (PReg version 1), or export it again with fwkit export --format registry-pol";
        if (bytes.Length < 8 || !Looks(bytes) || BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) != Version)
        {
            throw new InputException(file, "offset 0", "the file does not start with the Registry.pol header (PReg, version 1)", Fix);
        }

        var values = new List<RegistryValue>();
        var position = 8;
        while (position < bytes.Length)
        {
            var start = position;
            string Where() => "offset " + start.ToString(CultureInfo.InvariantCulture);
            try
            {
                Expect(bytes, ref position, '[');
                var key = String(bytes, ref position);
                Expect(bytes, ref position, ';');
                var name = String(bytes, ref position);
                Expect(bytes, ref position, ';');
                var type = ReadDWord(bytes, ref position);
                Expect(bytes, ref position, ';');
                var size = ReadDWord(bytes, ref position);
                Expect(bytes, ref position, ';');
                if (size > bytes.Length - position)
                {
                    throw new FormatException($"the record's data size {size} runs past the end of the file");
                }

                var data = bytes.Slice(position, (int)size);
                position += (int)size;
                Expect(bytes, ref position, ']');
                values.Add(new RegistryValue(key, name, (RegistryValueType)type, ValueList.Create(data)) { Location = Where() });
            }
            catch (FormatException ex)
            {
                throw new InputException(file, Where(), "the record is not [key;value;type;size;data]: " + ex.Message, Fix);
            }
        }

        return values;
    }

    private static void Char(Stream stream, char c) => stream.Write([(byte)c, 0]);

    private static void WriteDWord(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void Expect(ReadOnlySpan<byte> bytes, ref int position, char c)
    {
        if (position + 2 > bytes.Length || bytes[position] != (byte)c || bytes[position + 1] != 0)
        {
            throw new FormatException($"'{c}' expected at byte {position.ToString(CultureInfo.InvariantCulture)}");
        }

        position += 2;
    }

    private static uint ReadDWord(ReadOnlySpan<byte> bytes, ref int position)
    {
        if (position + 4 > bytes.Length)
        {
            throw new FormatException("the file ends inside a record");
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(bytes[position..]);
        position += 4;
        return value;
    }

    /// <summary>A UTF-16LE string up to and past its NUL.</summary>
    private static string String(ReadOnlySpan<byte> bytes, ref int position)
    {
        var text = new StringBuilder();
        while (true)
        {
            if (position + 2 > bytes.Length)
            {
                throw new FormatException("the file ends inside a name");
            }

            var c = (char)BinaryPrimitives.ReadUInt16LittleEndian(bytes[position..]);
            position += 2;
            if (c == '\0')
            {
                return text.ToString();
            }

            text.Append(c);
        }
    }
}
