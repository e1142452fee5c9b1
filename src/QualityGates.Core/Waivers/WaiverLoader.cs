using QualityGates.Configuration;
using QualityGates.Errors;

namespace QualityGates.Waivers;

/// <summary>The waivers step of a run's settings check: find the file, read it, date it, check each expiry against the context's longest.</summary>
internal static class WaiverLoader
{
    /// <summary>The run's waivers, or null when there is no waivers file; every problem is added to <paramref name="errors"/>.</summary>
    public static WaiverSet? Load(WaiverOptions options, DeploymentContext context, int maxDays, string maxDaysSource, TimeProvider time, DiagnosticBag errors)
    {
        string? path;
        if (!string.IsNullOrWhiteSpace(options.File))
        {
            path = Path.GetFullPath(options.File.Trim(), options.BaseDirectory);
            if (!File.Exists(path))
            {
                errors.Add(new QualityGatesException(ErrorCodes.WaiversFileNotFound,
                    $"{options.FileSource} is '{options.File}', but there is no such file ({path}); name an existing {WaiversFile.FileName}, or leave it empty to search for one."));
                return null;
            }
        }
        else
        {
            path = WaiversFile.Find(options.BaseDirectory);
        }

        if (path is null)
        {
            return null;
        }

        DateOnly today;
        try
        {
            today = WaiverSet.TodayFrom(time, options.Environment);
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
            return null;
        }

        var display = Files.RepositoryRoot.Display(path, Files.RepositoryRoot.Find(options.BaseDirectory), abbreviateOutside: false);
        var set = new WaiverSet(WaiversFile.Read(path, errors).Select(w => w with { DisplayFile = display }).ToList(), today);
        errors.AddRange(set.CheckExpiry(context, maxDays, maxDaysSource));
        return set;
    }
}

/// <summary>Where <see cref="WaiverLoader"/> finds the waivers file.</summary>
/// <param name="File">The file as the user named it, relative to <paramref name="BaseDirectory"/>; null or blank searches for <c>qualitygates.waivers.json</c> from <paramref name="BaseDirectory"/> up to the repository root.</param>
/// <param name="FileSource">What the user calls the setting (<c>QualityGatesWaiversFile</c>, <c>--waivers</c>), for errors.</param>
/// <param name="BaseDirectory">Where the search starts and a relative file resolves.</param>
/// <param name="Environment">Reads environment variables (the test clock).</param>
internal sealed record WaiverOptions(string? File, string FileSource, string BaseDirectory, Func<string, string?> Environment);
