using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace FirewallKit.Core.Sets;

/// <summary>
/// An immutable dictionary that compares by its entries, so a record holding one compares by value
/// (a record's <see cref="IReadOnlyDictionary{TKey, TValue}"/> member would compare by reference).
/// </summary>
public sealed class ValueMap<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<ValueMap<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _entries;

    public ValueMap(IDictionary<TKey, TValue> entries, IEqualityComparer<TKey>? comparer = null) =>
        _entries = new Dictionary<TKey, TValue>(entries, comparer);

    public int Count => _entries.Count;

    public IEnumerable<TKey> Keys => _entries.Keys;

    public IEnumerable<TValue> Values => _entries.Values;

    public TValue this[TKey key] => _entries[key];

    public static implicit operator ValueMap<TKey, TValue>(Dictionary<TKey, TValue> entries) => new(entries, entries.Comparer);

    public bool ContainsKey(TKey key) => _entries.ContainsKey(key);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueMap<TKey, TValue>? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Count == other.Count && _entries.All(e => other._entries.TryGetValue(e.Key, out var value) && EqualityComparer<TValue>.Default.Equals(e.Value, value))));

    public override bool Equals(object? obj) => Equals(obj as ValueMap<TKey, TValue>);

    // Order-independent, as equality is.
    public override int GetHashCode() => _entries.Aggregate(Count, (hash, e) => hash ^ HashCode.Combine(e.Key, e.Value));
}
