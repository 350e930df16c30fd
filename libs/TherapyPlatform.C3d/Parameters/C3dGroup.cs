namespace TherapyPlatform.C3d;

/// <summary>A parameter group. The name is kept exactly as stored (garbage groups in damaged files included).</summary>
public sealed class C3dGroup
{
    internal C3dGroup(int id, string name, string description, bool isLocked, IReadOnlyList<C3dParameter> parameters)
    {
        Id = id;
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

    /// <summary>The parameter with this name (case-insensitive, trimmed), or null.</summary>
    public C3dParameter? Parameter(string name)
    {
        var wanted = name.Trim();
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return null;
    }

    public override string ToString() => $"{Name} ({Parameters.Count} parameters)";
}
