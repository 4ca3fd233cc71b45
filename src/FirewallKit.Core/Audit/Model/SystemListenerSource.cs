using System.Net.NetworkInformation;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Audit;

/// <summary>
/// This machine's listeners from <see cref="IPGlobalProperties"/>, which works on every OS .NET runs on
/// but does not say which process owns a socket, so <see cref="Listener.Program"/> stays unknown.
/// </summary>
public sealed class SystemListenerSource : IListenerSource
{
    public IReadOnlyList<Listener> Listeners()
    {
        var properties = IPGlobalProperties.GetIPGlobalProperties();
        return
        [
            .. properties.GetActiveTcpListeners().Select(e => new Listener(TransportProtocol.Tcp, e.Address, e.Port)),
            .. properties.GetActiveUdpListeners().Select(e => new Listener(TransportProtocol.Udp, e.Address, e.Port)),
        ];
    }
}
