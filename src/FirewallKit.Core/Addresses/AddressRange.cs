using System.Globalization;
using System.Net;

namespace FirewallKit.Core.Addresses;

/// <summary>
/// An inclusive range of IPv4 or IPv6 addresses, held as integers so that merging and
/// complements are plain arithmetic. Every literal form Windows accepts (address, CIDR,
/// mask, a-b range) parses to one of these.
/// </summary>
public readonly record struct AddressRange(IpFamily Family, UInt128 Start, UInt128 End)
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

    public bool Contains(IPAddress address)
    {
        var (family, value) = ToInteger(address);
        return family == Family && value >= Start && value <= End;
    }

    public bool Contains(IpFamily family, UInt128 value) => family == Family && value >= Start && value <= End;

    public UInt128 Count => End - Start + 1;

    public static int Compare(AddressRange left, AddressRange other)
    {
        var byFamily = left.Family.CompareTo(other.Family);
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

        var prefix = PrefixLength();
        return prefix is int length
            ? string.Create(CultureInfo.InvariantCulture, $"{FormatAddress(Family, Start)}/{length}")
            : $"{FormatAddress(Family, Start)}-{FormatAddress(Family, End)}";
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

    public static string FormatAddress(IpFamily family, UInt128 value) => ToAddress(family, value).ToString();

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
