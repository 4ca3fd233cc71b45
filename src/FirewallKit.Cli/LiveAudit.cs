using FirewallKit.Core.Audit;

namespace FirewallKit.Cli;

/// <summary>What <c>fwkit audit</c> reads without <c>--rules</c>: this machine's firewall and listeners; tests hand in a fake machine's.</summary>
public sealed record LiveAudit(IRuleSource Rules, IListenerSource Listeners);
