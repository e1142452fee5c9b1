using QualityGates.Configuration;
using QualityGates.Errors;
using QualityGates.Running;

namespace QualityGates.Waivers;

/// <summary>The waivers step of <see cref="GateRun"/>'s settings check: find the file, read it, date it, check each expiry against the context's longest.</summary>
internal static class WaiverLoader
{
    /// <summary>The run's waivers, or null when there is no waivers file; every problem is added to <paramref name="errors"/>.</summary>
    public static WaiverSet? Load(GateRunRequest request, DeploymentContext context, int maxDays, string maxDaysSource, TimeProvider time, DiagnosticBag errors)
    {
        string? path;
        if (!string.IsNullOrWhiteSpace(request.WaiversFile))
        {
            path = Path.GetFullPath(request.WaiversFile.Trim(), request.BaseDirectory);
            if (!File.Exists(path))
            {
                errors.Add(new QualityGatesException(ErrorCodes.WaiversFileNotFound,
                    $"{request.WaiversFileSource} is '{request.WaiversFile}', but there is no such file ({path}); name an existing {WaiversFile.FileName}, or leave it empty to search for one."));
                return null;
            }
        }
        else
        {
            path = WaiversFile.Find(request.BaseDirectory);
        }

        if (path is null)
        {
            return null;
        }

        DateOnly today;
        try
        {
            today = WaiverSet.TodayFrom(time, request.Environment);
        }
        catch (QualityGatesException ex)
        {
            errors.Add(ex);
            return null;
        }

        var display = Files.RepositoryRoot.Display(path, Files.RepositoryRoot.Find(request.BaseDirectory), abbreviateOutside: false);
        var set = new WaiverSet(WaiversFile.Read(path, errors).Select(w => w with { DisplayFile = display }).ToList(), today);
        errors.AddRange(set.CheckExpiry(context, maxDays, maxDaysSource));
        return set;
    }
}
