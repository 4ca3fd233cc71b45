using FirewallKit.Core.Apply;

namespace FirewallKit.Core.Machine;

/// <summary>Linux and macOS: inputs can be checked and the changes shown against an empty firewall, nothing more.</summary>
public sealed class UnsupportedPlatformEnvironment : IFirewallEnvironment
{
    public FirewallEnvironmentState Probe() => FirewallEnvironmentState.NotWindows;

    public IFirewallStore OpenStore() => throw new PlatformNotSupportedException(EnvironmentAssessment.NeedsWindows);

    public IDisposable? TryAcquireApplyLock() => throw new PlatformNotSupportedException(EnvironmentAssessment.NeedsWindows);
}
