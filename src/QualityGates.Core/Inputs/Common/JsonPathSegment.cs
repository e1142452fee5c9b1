namespace QualityGates.Inputs.Common;

/// <summary>One step of a JSON path: an object property (<see cref="Name"/>) or an array index.</summary>
internal readonly record struct JsonPathSegment(string? Name, int Index)
{
    public bool IsProperty => Name is not null;

    public static JsonPathSegment Property(string name) => new(name, -1);

    public static JsonPathSegment Element(int index) => new(null, index);
}
