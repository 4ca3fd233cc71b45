using System.Diagnostics.CodeAnalysis;

namespace FirewallKit.Core.Addresses;

/// <summary>
/// A remote-address keyword (<c>LocalSubnet</c>, <c>DNS4</c>, ...), optionally limited to one IP family.
/// Keywords name sets the firewall resolves at run time, so they cannot be complemented or merged
/// with literal ranges; <see cref="Any"/> is every address.
/// </summary>
public readonly record struct AddressKeyword(AddressKeywordName Name, IpFamily? Family = null)
    : IComparable<AddressKeyword>, IParsable<AddressKeyword>, ISpanFormattable
{
    public static readonly AddressKeyword Any = new(AddressKeywordName.Any);
    public static readonly AddressKeyword LocalSubnet = new(AddressKeywordName.LocalSubnet);

    /// <summary>
    /// Each name as PowerShell spells it, then the Group Policy rule string's other spellings of the same keyword
    /// ([MS-GPFAS] 2.2.2.13: Ply2Renders, RmtIntrAnet; IntrAnet and IntErnet differ only in case), which real stores
    /// hold and which the COM API and netsh may print: a reader must not refuse a rule for them.
    /// </summary>
    private static readonly (string Spelling, AddressKeywordName Name)[] Spellings =
    [
        .. Enum.GetValues<AddressKeywordName>().Select(name => (name.ToString(), name)),
        ("Ply2Renders", AddressKeywordName.PlayToDevice),
        ("RmtIntranet", AddressKeywordName.IntranetRemoteAccess),
    ];

    public bool IsAny => Name == AddressKeywordName.Any;

    /// <summary>Whether the keyword may stand for an address of <paramref name="family"/>: LocalSubnet4 never holds an IPv6 address.</summary>
    public bool CanHold(IpFamily family) => Family is null || Family == family;

    /// <summary>Any case, <c>*</c> for Any, the rule string's spellings, and a 4 or 6 suffix on every keyword but Any.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out AddressKeyword result)
    {
        result = default;
        if (s is null)
        {
            return false;
        }

        if (s == "*")
        {
            result = Any;
            return true;
        }

        foreach (var (spelling, name) in Spellings)
        {
            if (string.Equals(s, spelling, StringComparison.OrdinalIgnoreCase))
            {
                result = new AddressKeyword(name);
                return true;
            }

            if (name != AddressKeywordName.Any
                && s.Length == spelling.Length + 1
                && s.StartsWith(spelling, StringComparison.OrdinalIgnoreCase)
                && s[^1] is '4' or '6')
            {
                result = new AddressKeyword(name, s[^1] == '4' ? IpFamily.V4 : IpFamily.V6);
                return true;
            }
        }

        return false;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AddressKeyword result) => TryParse(s, out result);

    public static AddressKeyword Parse(string s, IFormatProvider? provider) =>
        TryParse(s, out var result) ? result : throw new FormatException($"'{s}' is not an address keyword.");

    /// <summary>Canonical spelling: Windows' own, with the family suffix if any.</summary>
    public override string ToString() => Family switch
    {
        IpFamily.V4 => Name + "4",
        IpFamily.V6 => Name + "6",
        _ => Name.ToString(),
    };

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString();
        charsWritten = text.TryCopyTo(destination) ? text.Length : 0;
        return charsWritten == text.Length;
    }

    /// <summary>Ordinal order of the spellings, the order keywords are written in.</summary>
    public int CompareTo(AddressKeyword other) => string.CompareOrdinal(ToString(), other.ToString());
}
