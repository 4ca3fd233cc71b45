namespace FirewallKit.Tests.Audit;

/// <summary>
/// A rule as the test dumps write it, in netsh's spelling (<see cref="Profiles"/> <c>Domain,Private</c>,
/// <see cref="LocalPort"/> <c>RPC-EPMap</c>); <see cref="DumpWriter"/> turns it into either dump form.
/// </summary>
internal sealed record DumpRule(
    string Id,
    string Name,
    string Group,
    string Profiles,
    string Protocol,
    string? LocalPort,
    string RemoteIp,
    string Action,
    bool Enabled = true,
    string? Description = null,
    string? Program = null,
    string? Service = null,
    string? RemotePort = null,
    string? IcmpTypes = null,
    string Store = "Local Setting",
    string? ResourceGroup = null);
