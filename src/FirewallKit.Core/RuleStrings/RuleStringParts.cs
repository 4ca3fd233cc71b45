using FirewallKit.Core.Addresses;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.RuleStrings;

/// <summary>What the fields of one rule string said, gathered while reading: repeated keys add to lists.</summary>
internal sealed class RuleStringParts
{
    public RuleAction? Action { get; set; }

    public bool Enabled { get; set; } = true;

    public RuleDirection? Direction { get; set; }

    public IpProtocol Protocol { get; set; } = IpProtocol.Any;

    public NetworkProfiles Profiles { get; set; } = NetworkProfiles.None;

    public List<string> LocalPorts { get; } = [];

    public List<string> RemotePorts { get; } = [];

    public List<string> LocalAddresses { get; } = [];

    public List<string> RemoteAddresses { get; } = [];

    /// <summary>Keywords by family: a keyword in both RA4 and RA6 is one keyword for both families.</summary>
    public List<(AddressKeywordName Name, IpFamily Family)> RemoteKeywords { get; } = [];

    public List<string> Icmp { get; } = [];

    public List<string> Interfaces { get; } = [];

    public InterfaceTypes InterfaceTypes { get; set; } = InterfaceTypes.Any;

    public EdgeTraversal EdgeTraversal { get; set; } = EdgeTraversal.Block;

    public RuleSecurity Security { get; set; } = RuleSecurity.NotRequired;

    public Dictionary<string, string> Text { get; } = new(StringComparer.Ordinal);
}
