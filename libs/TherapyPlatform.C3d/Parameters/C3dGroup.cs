namespace TherapyPlatform.C3d;

/// <summary>A parameter group. The name is kept exactly as stored (garbage groups in damaged files included).</summary>
public sealed class C3dGroup
{
    private readonly NameIndex<C3dParameter> index;

    internal C3dGroup(int id, string name, string description, bool isLocked, IReadOnlyList<C3dParameter> parameters,
        long offset)
    {
        Id = id;
        Offset = offset;
        index = new NameIndex<C3dParameter>(parameters, p => p.Name);
        Name = name;
        Description = description;
        IsLocked = isLocked;
        Parameters = parameters;
    }

    /// <summary>The positive group number (the record stores it negated).</summary>
    public int Id { get; }

    public string Name { get; }

    public string Description { get; }

    public bool IsLocked { get; }

    public IReadOnlyList<C3dParameter> Parameters { get; }

    /// <summary>Byte offset of the group record in the file.</summary>
    public long Offset { get; }

    /// <summary>The parameter with this name (case-insensitive, trimmed), or null.</summary>
    public C3dParameter? Parameter(string name) => index.Find(name);

    public override string ToString() => $"{Name} ({Parameters.Count} parameters)";
}
