using FirewallKit.Core.Apply;
using FirewallKit.Core.Machine;
using FirewallKit.Windows;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>
/// A Windows machine whose firewall is a <see cref="FakeFirewall"/>: the probe reads its policy
/// through the typed interop, and every <see cref="OpenStore"/> is the real
/// <see cref="ComFirewallStore"/> over it, as <c>fwkit</c> opens one per operation.
/// </summary>
public sealed class FakeWindowsMachine(FakeFirewall firewall) : IFirewallEnvironment
{
    public FakeFirewall Firewall => firewall;

    public FirewallEnvironmentState Probe()
    {
        using var policy = new NetFwPolicy(firewall);
        return FirewallPolicyReader.Read(policy.Interface, elevated: true);
    }

    public IFirewallStore OpenStore() => new ComFirewallStore(firewall);

    public IDisposable? TryAcquireApplyLock() => new Unlock();

    private sealed class Unlock : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
