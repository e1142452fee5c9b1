using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;

namespace QualityGates.Testing.Platform;

/// <summary>
/// Loads the gate's engine (QualityGates.Core and its runtime closure: Npgsql and its dependencies) from
/// the <c>qualitygates/</c> folder the package's build targets copy beside the test application. The
/// engine is no reference of the test project, so its types never reach the user's compiler and
/// IntelliSense, and the application's deps.json does not list it; the default load context asks this
/// resolver only for an assembly the application itself does not bring.
/// </summary>
internal static class EngineAssemblies
{
    /// <summary>The folder under the application's base directory that holds the engine.</summary>
    public const string Folder = "qualitygates";

    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    // The engine is loaded from files beside a test application that is never trimmed with it: a trimmed
    // or native-AOT application has no qualitygates/ folder, so this resolver finds nothing there.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Loads the untrimmed engine copied beside the application.")]
    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, Folder, name.Name + ".dll");
        return name.Name is { Length: > 0 } && File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
