using System.Collections;

namespace QualityGates.Errors;

/// <summary>
/// The coded errors and warnings the steps of a run find, in the order found, so one run reports every
/// mistake at once: a step that meets a bad setting or file adds its error here and goes on with the
/// next, and the caller judges nothing while <see cref="HasErrors"/>.
/// </summary>
internal sealed class DiagnosticBag : IReadOnlyList<GateDiagnostic>
{
    private readonly List<GateDiagnostic> _all = [];

    public int Count => _all.Count;

    public GateDiagnostic this[int index] => _all[index];

    /// <summary>True once any error was added.</summary>
    public bool HasErrors => _all.Exists(d => d.IsError);

    /// <summary>The errors, in the order added.</summary>
    public IReadOnlyList<GateDiagnostic> Errors => _all.Where(d => d.IsError).ToList();

    /// <summary>The warnings, in the order added.</summary>
    public IReadOnlyList<GateDiagnostic> Warnings => _all.Where(d => !d.IsError).ToList();

    public void Add(GateDiagnostic diagnostic) => _all.Add(diagnostic);

    /// <summary>Adds the error an expected failure stands for.</summary>
    public void Add(QualityGatesException error) => _all.Add(GateDiagnostic.From(error));

    public void AddRange(IEnumerable<GateDiagnostic> diagnostics) => _all.AddRange(diagnostics);

    /// <summary>Runs <paramref name="step"/>; its coded failure is added here instead of thrown (null then).</summary>
    public T? Attempt<T>(Func<T> step)
        where T : class
    {
        try
        {
            return step();
        }
        catch (QualityGatesException ex)
        {
            Add(ex);
            return null;
        }
    }

    /// <summary>Runs <paramref name="step"/>; its coded failure is added here instead of thrown.</summary>
    /// <returns>False when it failed.</returns>
    public bool Attempt(Action step)
    {
        try
        {
            step();
            return true;
        }
        catch (QualityGatesException ex)
        {
            Add(ex);
            return false;
        }
    }

    public IEnumerator<GateDiagnostic> GetEnumerator() => _all.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
