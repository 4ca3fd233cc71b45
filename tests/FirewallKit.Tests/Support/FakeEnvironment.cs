using FirewallKit.Core.Apply;
using FirewallKit.Core.IO;
using FirewallKit.Core.Machine;

namespace FirewallKit.Tests.Support;

/// <summary>A Windows machine as the tests need it: a given state, a given store, and a lock that can be held by "another installer".</summary>
public sealed class FakeEnvironment(IFirewallStore store) : IFirewallEnvironment
{
    public FirewallEnvironmentState State { get; set; } = new(IsWindows: true, IsElevated: true, ServiceRunning: true);

    public bool LockHeldElsewhere { get; set; }

    public IFolderGuard Folders { get; set; } = UncheckedFolders.Instance;

    public bool LockHeld { get; private set; }

    public FirewallEnvironmentState Probe() => State;

    public IFirewallStore OpenStore() => store;

    public IDisposable? TryAcquireApplyLock()
    {
        if (LockHeldElsewhere || LockHeld)
        {
            return null;
        }

        LockHeld = true;
        return new Release(() => LockHeld = false);
    }

    private sealed class Release(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
