using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace FirewallKit.Windows.Interop;

/// <summary>The firewall's real COM classes (FirewallAPI.dll), created with CoCreateInstance.</summary>
[SupportedOSPlatform("windows")]
public sealed class CoCreatedNetFwObjects : INetFwObjectSource
{
    public static readonly CoCreatedNetFwObjects Instance = new();

    private CoCreatedNetFwObjects()
    {
    }

    public nint CreatePolicy() => Create(NetFwClassIds.NetFwPolicy2, "HNetCfg.FwPolicy2");

    public nint CreateRule() => Create(NetFwClassIds.NetFwRule, "HNetCfg.FWRule");

    private static nint Create(Guid classId, string progId)
    {
        var result = Ole32.CoCreateInstance(classId, 0, Ole32.ClassContextServer, NetFwClassIds.IUnknown, out var instance);
        if (result == ComErrors.NotInitialized)
        {
            // Built-in COM interop joined the thread to COM on first use; without it nobody has.
            // The multithreaded apartment suits a console tool, and is left for the process's life.
            Ole32.CoInitializeEx(0, Ole32.MultiThreaded);
            result = Ole32.CoCreateInstance(classId, 0, Ole32.ClassContextServer, NetFwClassIds.IUnknown, out instance);
        }

        if (result < 0)
        {
            throw new COMException($"could not create the COM class {progId} (Windows Defender Firewall API)", result);
        }

        return instance;
    }
}
