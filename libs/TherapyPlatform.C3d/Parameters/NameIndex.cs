namespace TherapyPlatform.C3d;

/// <summary>
/// Case-insensitive, trimmed lookup where the first of duplicate names wins. A dictionary keeps lookups O(1):
/// a damaged or hostile file may hold thousands of records.
/// </summary>
internal sealed class NameIndex<T>
    where T : class
{
    private readonly Dictionary<string, T> items = new(StringComparer.OrdinalIgnoreCase);

    public NameIndex(IEnumerable<T> values, Func<T, string> name)
    {
        foreach (var value in values)
        {
            items.TryAdd(name(value).Trim(), value);
        }
    }

    public T? Find(string name) => items.GetValueOrDefault(name.Trim());
}
