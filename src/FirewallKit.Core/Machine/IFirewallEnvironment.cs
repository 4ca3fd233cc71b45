using FirewallKit.Core.Apply;
using FirewallKit.Core.IO;

namespace FirewallKit.Core.Machine;

/// <summary>
/// The machine fwkit runs on, as far as applying rules goes: its firewall's state, its rule store,
/// and the machine-wide lock that keeps two installers from applying at once.
/// </summary>
public interface IFirewallEnvironment
{
    /// <summary>Reads the state without changing anything; works unelevated.</summary>
    FirewallEnvironmentState Probe();

    IFirewallStore OpenStore();

    /// <summary>The machine-wide apply lock, or null when another process holds it. Dispose to release.</summary>
    IDisposable? TryAcquireApplyLock();

    /// <summary>Prepares and checks the backup folder before anything is written (access lists on Windows).</summary>
    IFolderGuard Folders => UncheckedFolders.Instance;
}
