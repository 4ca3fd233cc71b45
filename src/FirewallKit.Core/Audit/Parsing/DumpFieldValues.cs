using System.Globalization;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Sets;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Audit;

/// <summary>
/// The values of one dump's fields, each distinct text kept once and parsed once. Thousands of rules repeat the
/// same few values (Yes, In, Domain,Private,Public, Any, LocalSubnet, svchost.exe): a rule then costs a lookup,
/// not a string and a parse per field.
/// </summary>
internal sealed class DumpFieldValues
{
    /// <summary>Longer values (descriptions) rarely repeat: they are copied, not pooled.</summary>
    private const int MaxPooledLength = 1024;

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _textLookup;
    private readonly Dictionary<string, PortSet> _ports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressSet> _addresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkProfiles?> _profiles = new(StringComparer.Ordinal);

    public DumpFieldValues() => _textLookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Text(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxPooledLength)
        {
            return value.ToString();
        }

        if (!_textLookup.TryGetValue(value, out var text))
        {
            text = value.ToString();
            _texts.Add(text, text);
        }

        return text;
    }

    /// <summary>A rule's ports as printed; no value is Any. Only values that parsed are remembered, so a bad one is reported at every line it is on.</summary>
    public PortSet Ports(string? value, InputErrors errors, int line)
    {
        if (value is null)
        {
            return PortSet.Any;
        }

        if (_ports.TryGetValue(value, out var known))
        {
            return known;
        }

        // Most rules name one port: read as the full parse would, without splitting lists of one.
        if (value.Length is > 0 and <= 5 && !value.AsSpan().ContainsAnyExceptInRange('0', '9')
            && int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) is var single && PortRange.Contains(single))
        {
            return _ports[value] = PortSet.Of(single);
        }

        var before = errors.Count;
        var ports = DumpValues.Ports(List(value), errors, At(line));
        if (errors.Count == before)
        {
            _ports.Add(value, ports);
        }

        return ports;
    }

    /// <summary>A rule's addresses as printed; an empty value is Any. Only values that parsed are remembered.</summary>
    public AddressSet Addresses(string value, InputErrors errors, int line)
    {
        if (_addresses.TryGetValue(value, out var known))
        {
            return known;
        }

        if (PlainIPv4(value) is { } plain)
        {
            return _addresses[value] = plain;
        }

        var before = errors.Count;
        var addresses = DumpValues.Addresses(List(value), errors, At(line));
        if (errors.Count == before)
        {
            _addresses.Add(value, addresses);
        }

        return addresses;
    }

    /// <summary>The firewall profiles of a Profiles line (<see cref="DumpValues.Profiles"/>), read once per distinct text.</summary>
    public NetworkProfiles? Profiles(string value)
    {
        if (!_profiles.TryGetValue(value, out var profiles))
        {
            _profiles[value] = profiles = DumpValues.Profiles(value);
        }

        return profiles;
    }

    /// <summary>
    /// A list of IPv4 addresses, subnets and ranges, the bulk of real rules, read without the general parse's
    /// allocations; null when any token is another form (or wrong), which the general parse then reads or reports.
    /// </summary>
    private static AddressSet? PlainIPv4(string value)
    {
        var intervals = new List<Interval<uint>>();
        foreach (var range in value.AsSpan().Split(','))
        {
            var token = value.AsSpan(range).Trim();
            if (token.IsEmpty)
            {
                continue;
            }

            if (!AddressParser.TryParsePlainIPv4(token, out var parsed))
            {
                return null;
            }

            intervals.Add(new Interval<uint>((uint)parsed.Start, (uint)parsed.End));
        }

        return intervals.Count == 0 ? null : AddressSet.OfIPv4(intervals);
    }

    public static string At(int line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
