using System.Runtime.Versioning;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// An open INetFwPolicy2 and the source new rule objects come from. Dispose releases the policy;
/// rule collections and rules handed out are released by their own owners.
/// </summary>
public sealed class NetFwPolicy : IDisposable
{
    private readonly INetFwObjectSource _source;
    private readonly ComReference<INetFwPolicy2> _policy;

    public NetFwPolicy(INetFwObjectSource source)
    {
        _source = source;
        _policy = ComReference<INetFwPolicy2>.Attach(source.CreatePolicy());
    }

    /// <summary>The policy as the typed interface, for the per-profile settings.</summary>
    public INetFwPolicy2 Interface => _policy.Interface;

    /// <summary>The machine's firewall (CLSID NetFwPolicy2).</summary>
    [SupportedOSPlatform("windows")]
    public static NetFwPolicy Open() => new(CoCreatedNetFwObjects.Instance);

    /// <summary>INetFwPolicy2.Rules; the caller disposes it.</summary>
    public NetFwRules OpenRules() => new(ComReference<INetFwRules>.Attach(_policy.Interface.get_Rules()));

    /// <summary>A new rule object (CLSID NetFwRule), not yet in any store: puts on it commit nothing until it is added.</summary>
    public ComReference<INetFwRule3> CreateRule() => ComReference<INetFwRule3>.Attach(_source.CreateRule());

    public void Dispose() => _policy.Dispose();
}
