using System.ComponentModel;
using System.Runtime.CompilerServices;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Services;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The entry the platform's generated code calls for every <c>TestingPlatformBuilderHook</c> item
/// (QualityGates.MSBuild's build targets add ours, after coverlet.MTP's, so our handlers run after its).
/// Registers the command-line options, the gate in the test host and, for runs whose coverage is
/// collected out of process (coverlet.MTP, Microsoft's code coverage), the gate in the test host controller.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TestingPlatformBuilderHook
{
    /// <summary>Adds the quality-gate extension to a test application.</summary>
    /// <param name="builder">The test application being built.</param>
    /// <param name="arguments">The command line (unused: options are read through the platform).</param>
    public static void AddExtensions(ITestApplicationBuilder builder, string[] arguments)
    {
        // Before any engine type is touched: the engine is loaded from the application's qualitygates/ folder.
        EngineAssemblies.Register();
        Register(builder);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Register(ITestApplicationBuilder builder)
    {
        builder.CommandLine.AddProvider(() => new GateCommandLineProvider());

        // One instance consumes the session's messages and judges at its end.
        var session = new CompositeExtensionFactory<GateSessionHandler>(services => new GateSessionHandler(
            services.GetCommandLineOptions(), services.GetOutputDevice(), services.GetMessageBus(), services));
        builder.TestHost.AddDataConsumer(session);
#if PLATFORM_COVERAGE_API
        builder.TestHost.AddTestSessionLifetimeHandler(session);
#else
        builder.TestHost.AddTestSessionLifetimeHandle(session);
#endif

        var controller = new CompositeExtensionFactory<GateControllerHandler>(services => new GateControllerHandler(services));
        builder.TestHostControllers.AddEnvironmentVariableProvider(controller);
        builder.TestHostControllers.AddProcessLifetimeHandler(controller);
    }
}
