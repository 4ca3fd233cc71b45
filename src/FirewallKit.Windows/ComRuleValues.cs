namespace FirewallKit.Windows;

/// <summary>The INetFwRule properties fwkit reads and writes, exactly as the COM API holds them.</summary>
public sealed record ComRuleValues(
    string Name,
    string Description,
    string Grouping,
    int Direction,
    int Action,
    int Protocol,
    string LocalPorts,
    string RemoteAddresses,
    int Profiles,
    bool Enabled);
