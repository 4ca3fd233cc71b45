namespace FirewallKit.Windows.Interop;

/// <summary>
/// Where the firewall's COM objects come from: CoCreateInstance on Windows
/// (<see cref="CoCreatedNetFwObjects"/>), a managed fake in the tests. Each call returns a new
/// object as an owned <c>IUnknown*</c>, exactly what CoCreateInstance hands out.
/// </summary>
public interface INetFwObjectSource
{
    /// <summary>A NetFwPolicy2 object.</summary>
    nint CreatePolicy();

    /// <summary>A new, detached NetFwRule object.</summary>
    nint CreateRule();
}
