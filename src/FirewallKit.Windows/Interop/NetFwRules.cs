using System.Runtime.InteropServices;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// INetFwRules: the machine's rule store. Every rule handed out is an owned
/// <see cref="ComReference{T}"/> the caller disposes. Names are display names: several rules may
/// share one, <see cref="TryItem"/> returns one of them and <see cref="Remove"/> deletes one.
/// </summary>
public sealed class NetFwRules : IDisposable
{
    private readonly ComReference<INetFwRules> _rules;

    internal NetFwRules(ComReference<INetFwRules> rules) => _rules = rules;

    public int Count => _rules.Interface.get_Count();

    /// <summary>A rule of that name (Windows compares names without regard to case), or null when there is none.</summary>
    public ComReference<INetFwRule3>? TryItem(string name)
    {
        var result = _rules.Interface.Item(name, out var rule);
        if (result == ComErrors.FileNotFound)
        {
            return null;
        }

        Marshal.ThrowExceptionForHR(result);
        return ComReference<INetFwRule3>.Attach(rule);
    }

    /// <summary>Adds a rule object made by <see cref="NetFwPolicy.CreateRule"/>; the store commits it at once.</summary>
    public void Add(ComReference<INetFwRule3> rule)
    {
        var pointer = rule.QueryInterface(NetFwClassIds.INetFwRule);
        try
        {
            _rules.Interface.Add(pointer);
        }
        finally
        {
            Marshal.Release(pointer);
        }
    }

    /// <summary>Deletes one rule of that name, whichever the store finds first; no error when there is none.</summary>
    public void Remove(string name) => _rules.Interface.Remove(name);

    /// <summary>
    /// Every rule, read lazily through IEnumVARIANT. Each rule yielded is the caller's to
    /// dispose; the enumerator is released when the loop ends, also on break or exception.
    /// </summary>
    public IEnumerable<ComReference<INetFwRule3>> Enumerate()
    {
        using var enumerator = ComReference<IEnumVARIANT>.Attach(_rules.Interface.get__NewEnum());
        while (TryNext(enumerator.Interface, out var item))
        {
            yield return ComReference<INetFwRule3>.Attach(item);
        }
    }

    public void Dispose() => _rules.Dispose();

    /// <summary>The next element's interface pointer, with the reference its VARIANT held.</summary>
    private static unsafe bool TryNext(IEnumVARIANT enumerator, out nint item)
    {
        OleVariant variant = default;
        uint fetched = 0;
        var result = enumerator.Next(1, &variant, &fetched);
        Marshal.ThrowExceptionForHR(result);
        if (result == ComErrors.False || fetched == 0)
        {
            item = 0;
            return false;
        }

        if (variant.VarType is not (OleVariant.Dispatch or OleVariant.Unknown) || variant.Value == 0)
        {
            var varType = variant.VarType;
            OleAutomation.Clear(ref variant);
            throw new InvalidDataException($"the rule collection yielded a VARIANT of type 0x{varType:X4}, not a rule object");
        }

        // The VARIANT's reference moves to the caller instead of being cleared.
        item = variant.Value;
        return true;
    }
}
