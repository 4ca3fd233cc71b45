namespace FirewallKit.Core.Machine;

/// <summary>A route whose next hop is on the link itself (unspecified next hop): its destination prefix, and the index of its interface.</summary>
public sealed record OnLinkRoute(int InterfaceIndex, InterfaceAddress Destination);
