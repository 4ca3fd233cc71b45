using FirewallKit.Core.Evaluation;
namespace FirewallKit.Core.Audit;

/// <summary>The TCP and UDP listeners of the machine being audited; tests hand in a list.</summary>
public interface IListenerSource
{
    IReadOnlyList<Listener> Listeners();
}
