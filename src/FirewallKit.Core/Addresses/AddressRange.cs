using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Addresses;

/// <summary>
/// An inclusive range of IPv4 or IPv6 addresses, held as integers so that merging and
/// complements are plain arithmetic. Every literal form Windows accepts (address, CIDR,
/// mask, a-b range) parses to one of these.
/// </summary>
public readonly record struct AddressRange(IpFamily Family, UInt128 Start, UInt128 End) : ISpanParsable<AddressRange>, ISpanFormattable
{
    public static readonly UInt128 MaxV4 = uint.MaxValue;
    public static readonly UInt128 MaxV6 = UInt128.MaxValue;

    public static AddressRange All(IpFamily family) => new(family, UInt128.Zero, MaxOf(family));

    public static UInt128 MaxOf(IpFamily family) => family == IpFamily.V4 ? MaxV4 : MaxV6;

    public static AddressRange OfAddress(IPAddress address)
    {
        var (family, value) = ToInteger(address);
        return new AddressRange(family, value, value);
    }

    /// <summary>The subnet an address lies in, given its prefix length (10.0.1.5 and 24 give 10.0.1.0/24).</summary>
    public static AddressRange OfPrefix(IPAddress address, int prefixLength)
    {
        var (family, value) = ToInteger(address);
        var bits = family == IpFamily.V4 ? 32 : 128;
        var mask = MaskOf(family, Math.Clamp(prefixLength, 0, bits));
        var start = value & mask;
        return new AddressRange(family, start, start | (~mask & MaxOf(family)));
    }

    public bool Contains(IPAddress address)
    {
        var (family, value) = ToInteger(address);
        return family == Family && value >= Start && value <= End;
    }

    public UInt128 Count => End - Start + 1;

    /// <summary>The IPv4-mapped IPv6 block, ::ffff:0:0/96.</summary>
    private static readonly UInt128 MappedPrefix = (UInt128)0xFFFF << 32;

    /// <summary>
    /// Whether this IPv6 range lies in ::ffff:0:0/96. Windows filters IPv4 traffic at its IPv4 layers, whose address
    /// conditions are IPv4 values, so such an entry does not match an IPv4 client (docs/audit.md).
    /// </summary>
    public bool IsIPv4Mapped => Family == IpFamily.V6 && Start >= MappedPrefix && End <= (MappedPrefix | uint.MaxValue);

    /// <summary>The IPv4 addresses a mapped range stands for (::ffff:10.0.0.0/104 gives 10.0.0.0/8).</summary>
    public AddressRange MappedToIPv4() => new(IpFamily.V4, Start & uint.MaxValue, End & uint.MaxValue);

    public static int Compare(AddressRange left, AddressRange other)
    {
        // Compared as ints: Enum.CompareTo boxes both sides, which made every sort allocate per comparison.
        var byFamily = ((int)left.Family).CompareTo((int)other.Family);
        if (byFamily != 0)
        {
            return byFamily;
        }

        var byStart = left.Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : left.End.CompareTo(other.End);
    }

    /// <summary>
    /// The shortest form Windows accepts: a bare address, a CIDR block (prefix length,
    /// never a mask) or a start-end range.
    /// </summary>
    public override string ToString()
    {
        if (Start == End)
        {
            return FormatAddress(Family, Start);
        }

        // One string per range, written into a buffer: plans format tens of thousands of ranges.
        Span<char> buffer = stackalloc char[MaxRangeLength];
        return new string(buffer[..Write(buffer)]);
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        Span<char> buffer = stackalloc char[MaxRangeLength];
        var written = Write(buffer);
        charsWritten = buffer[..written].TryCopyTo(destination) ? written : 0;
        return charsWritten == written;
    }

    /// <summary>A literal range in any form <see cref="AddressParser"/> reads; keywords are not ranges.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AddressRange result)
    {
        result = default;
        if (s is null || !AddressParser.TryParse(s, out var token, out _) || token.Range is not { } range)
        {
            return false;
        }

        result = range;
        return true;
    }

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out AddressRange result) => TryParse(s.ToString(), provider, out result);

    public static AddressRange Parse(string s, IFormatProvider? provider) =>
        AddressParser.Parse(s).Range ?? throw new AddressParseException(s, "a keyword is not a literal range");

    public static AddressRange Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString(), provider);

    private const int MaxRangeLength = (2 * MaxAddressLength) + 1;

    private int Write(Span<char> buffer)
    {
        var written = WriteAddress(buffer, Family, Start);
        if (Start == End)
        {
            return written;
        }

        if (PrefixLength() is int length)
        {
            buffer[written++] = '/';
            length.TryFormat(buffer[written..], out var digits, provider: CultureInfo.InvariantCulture);
            written += digits;
        }
        else
        {
            buffer[written++] = '-';
            written += WriteAddress(buffer[written..], Family, End);
        }

        return written;
    }

    internal static AddressRange Of(Interval<uint> interval) => new(IpFamily.V4, interval.Start, interval.End);

    internal static AddressRange Of(Interval<UInt128> interval) => new(IpFamily.V6, interval.Start, interval.End);

    /// <summary>
    /// RFC 5952 text, as IPAddress writes it: lower-case groups without leading zeros, the longest run
    /// of two or more zero groups (the first of equals) as "::". Addresses whose first 80 bits are zero
    /// may carry an IPv4 tail (::ffff:10.0.0.1), so those are left to IPAddress.
    /// </summary>
    private static int WriteV6(Span<char> destination, UInt128 value)
    {
        if (value >> 48 == UInt128.Zero)
        {
            return ToAddress(IpFamily.V6, value).TryFormat(destination, out var written) ? written : throw new InvalidOperationException("An IPv6 address did not fit its buffer.");
        }

        Span<ushort> groups = stackalloc ushort[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (ushort)(value >> (112 - (16 * i)));
        }

        int bestStart = -1, bestLength = 1;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 8 && groups[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength)
            {
                (bestStart, bestLength) = (start, i - start);
            }
        }

        var position = 0;
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                destination[position++] = ':';
                destination[position++] = ':';
                i += bestLength - 1;
                continue;
            }

            if (position > 0 && destination[position - 1] != ':')
            {
                destination[position++] = ':';
            }

            groups[i].TryFormat(destination[position..], out var digits, "x", CultureInfo.InvariantCulture);
            position += digits;
        }

        return position;
    }

    /// <summary>The longest text form of an address (IPv6 with an embedded IPv4 tail).</summary>
    private const int MaxAddressLength = 45;

    private static int WriteAddress(Span<char> destination, IpFamily family, UInt128 value)
    {
        if (family == IpFamily.V6)
        {
            return WriteV6(destination, value);
        }

        var v4 = (uint)value;
        var position = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            ((v4 >> shift) & 0xFF).TryFormat(destination[position..], out var digits, provider: CultureInfo.InvariantCulture);
            position += digits;
            if (shift > 0)
            {
                destination[position++] = '.';
            }
        }

        return position;
    }

    /// <summary>The prefix length when this range is exactly one aligned CIDR block.</summary>
    public int? PrefixLength()
    {
        var bits = Family == IpFamily.V4 ? 32 : 128;
        var size = Count; // wraps to 0 for the whole IPv6 space
        if (size == UInt128.Zero)
        {
            return 0;
        }

        if (!UInt128.IsPow2(size) || (Start & (size - 1)) != UInt128.Zero)
        {
            return null;
        }

        return bits - (int)UInt128.Log2(size);
    }

    /// <summary>The address as written: an IPv4-mapped IPv6 address stays IPv6 (a rule's entry, unlike a packet's source).</summary>
    public static (IpFamily Family, UInt128 Value) ToIntegerAsWritten(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        UInt128 value = UInt128.Zero;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return (bytes.Length == 4 ? IpFamily.V4 : IpFamily.V6, value);
    }

    /// <summary>A packet's source: a dual-stack socket shows an IPv4 client as ::ffff:a.b.c.d, which is IPv4 traffic.</summary>
    public static (IpFamily Family, UInt128 Value) ToInteger(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        UInt128 value = UInt128.Zero;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return (bytes.Length == 4 ? IpFamily.V4 : IpFamily.V6, value);
    }

    public static IPAddress ToAddress(IpFamily family, UInt128 value)
    {
        var length = family == IpFamily.V4 ? 4 : 16;
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes);
    }

    public static string FormatAddress(IpFamily family, UInt128 value)
    {
        // IPv4 is written by hand, as IPAddress writes it: plans format tens of thousands of addresses.
        Span<char> buffer = stackalloc char[MaxAddressLength];
        return new string(buffer[..WriteAddress(buffer, family, value)]);
    }

    internal static UInt128 MaskOf(IpFamily family, int prefixLength)
    {
        var bits = family == IpFamily.V4 ? 32 : 128;
        if (prefixLength == 0)
        {
            return UInt128.Zero;
        }

        var hostBits = bits - prefixLength;
        var all = MaxOf(family);
        return hostBits == 0 ? all : all ^ ((UInt128.One << hostBits) - 1);
    }

    internal static int? PrefixFromMask(UInt128 mask, IpFamily family)
    {
        var bits = family == IpFamily.V4 ? 32 : 128;
        var inverted = ~mask & MaxOf(family);
        if (inverted == MaxOf(family))
        {
            return 0;
        }

        // A valid mask is ones followed by zeros, so its inverse plus one is a power of two.
        var plusOne = inverted + 1;
        return UInt128.IsPow2(plusOne) ? bits - (int)UInt128.Log2(plusOne) : null;
    }
}
