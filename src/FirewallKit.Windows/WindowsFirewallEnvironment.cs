using System.Runtime.Versioning;
using System.ServiceProcess;
using FirewallKit.Core.Apply;
using FirewallKit.Core.IO;
using FirewallKit.Core.Machine;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Windows;

/// <summary>
/// The Windows machine: elevation from the process token, the MpsSvc service's state, the
/// firewall's per-profile settings from INetFwPolicy2, and a machine-wide named mutex so two
/// installers never apply at once.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsFirewallEnvironment(TimeSpan lockWait) : IFirewallEnvironment
{
    /// <summary>The Global\ namespace spans sessions, so an installer in session 0 and an admin's console exclude each other.</summary>
    public const string LockName = @"Global\FirewallKit.Apply";

    private const string ServiceName = "MpsSvc";

    /// <summary>Waits a few seconds for the lock: two installers started together should both succeed, one after the other.</summary>
    public WindowsFirewallEnvironment()
        : this(TimeSpan.FromSeconds(10))
    {
    }

    /// <summary>The guard of the backup folder: <see cref="WindowsFolderGuard"/> over fwkit's data folder.</summary>
    public IFolderGuard Folders { get; init; } = UncheckedFolders.Instance;

    public FirewallEnvironmentState Probe()
    {
        var elevated = Environment.IsPrivilegedProcess;
        if (!ServiceRunning())
        {
            return new FirewallEnvironmentState(IsWindows: true, elevated, ServiceRunning: false);
        }

        using var policy = NetFwPolicy.Open();
        return FirewallPolicyReader.Read(policy.Interface, elevated);
    }

    public IFirewallStore OpenStore() => ComFirewallStore.Open();

    public IDisposable? TryAcquireApplyLock()
    {
        Mutex mutex;
        try
        {
            mutex = new Mutex(initiallyOwned: false, LockName);
        }
        catch (UnauthorizedAccessException)
        {
            // Another account's process holds it, with an ACL we may not open: it is in use.
            return null;
        }

        try
        {
            if (mutex.WaitOne(lockWait))
            {
                return new HeldLock(mutex);
            }
        }
        catch (AbandonedMutexException)
        {
            // The holder died without releasing it; the wait still gave us ownership.
            return new HeldLock(mutex);
        }

        mutex.Dispose();
        return null;
    }

    private static bool ServiceRunning()
    {
        try
        {
            using var service = new ServiceController(ServiceName);
            return service.Status == ServiceControllerStatus.Running;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private sealed class HeldLock(Mutex mutex) : IDisposable
    {
        public void Dispose()
        {
            mutex.ReleaseMutex();
            mutex.Dispose();
        }
    }
}
