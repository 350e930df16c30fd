namespace TherapyPlatform.C3d;

/// <summary>Every group of the parameter section, in file order.</summary>
public sealed class C3dParameters
{
    private readonly NameIndex<C3dGroup> index;

    internal C3dParameters(IReadOnlyList<C3dGroup> groups)
    {
        Groups = groups;
        index = new NameIndex<C3dGroup>(groups, g => g.Name);
    }

    public IReadOnlyList<C3dGroup> Groups { get; }

    /// <summary>The first group with this name (case-insensitive, trimmed), or null.</summary>
    public C3dGroup? Group(string name) => index.Find(name);

    /// <summary>GROUP:PARAMETER (both case-insensitive), or null when either is missing.</summary>
    public C3dParameter? Find(string group, string parameter) => Group(group)?.Parameter(parameter);

    /// <summary>
    /// A parameter followed by its numbered continuations (LABELS, LABELS2, LABELS3, ...), which writers use
    /// when one array would exceed 255 entries.
    /// </summary>
    public IEnumerable<C3dParameter> FindWithContinuations(string group, string parameter)
    {
        var found = Group(group);
        if (found is null)
        {
            yield break;
        }

        var first = found.Parameter(parameter);
        if (first is null)
        {
            yield break;
        }

        yield return first;
        for (var n = 2; found.Parameter(parameter + n) is { } next; n++)
        {
            yield return next;
        }
    }
}
