using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Services;

namespace QualityGates.Testing.Platform;

/// <summary>
/// The entry the platform's generated code calls for every <c>TestingPlatformBuilderHook</c> item
/// (QualityGates.MSBuild's build targets add ours, after coverlet.MTP's, so our handlers run after its).
/// Registers the command-line options, the in-process gate and, for runs whose coverage is written
/// by the test host controller (coverlet.MTP), the out-of-process gate.
/// </summary>
public static class TestingPlatformBuilderHook
{
    /// <summary>Adds the quality-gate extension to a test application.</summary>
    /// <param name="builder">The test application being built.</param>
    /// <param name="arguments">The command line (unused: options are read through the platform).</param>
    public static void AddExtensions(ITestApplicationBuilder builder, string[] arguments)
    {
        builder.CommandLine.AddProvider(() => new GateCommandLineProvider());

        // One instance consumes the test node updates and judges at the end of the session.
        var session = new CompositeExtensionFactory<GateSessionHandler>(services => new GateSessionHandler(
            services.GetCommandLineOptions(), services.GetOutputDevice(), services.GetMessageBus()));
        builder.TestHost.AddDataConsumer(session);
        builder.TestHost.AddTestSessionLifetimeHandler(session);

        var controller = new CompositeExtensionFactory<GateControllerHandler>(services => new GateControllerHandler(
            services.GetCommandLineOptions(), services.GetConfiguration(), services.GetOutputDevice()));
        builder.TestHostControllers.AddEnvironmentVariableProvider(controller);
        builder.TestHostControllers.AddProcessLifetimeHandler(controller);
    }
}
