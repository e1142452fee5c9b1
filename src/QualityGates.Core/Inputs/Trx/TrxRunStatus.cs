using System.Globalization;
using System.Text.RegularExpressions;

namespace QualityGates.Inputs.Trx;

/// <summary>
/// Decides whether a TRX run is aborted — the test platform says the run did not complete, whatever results it
/// holds — and why. Only the platform's own words count, in the exact shapes its writer produces; a
/// <c>RunInfo</c> holding some other text (xunit's VSTest adapter writes every failed test's name as one:
/// "[xUnit.net 00:00:01.23]     Calc.Aborted_Test [FAIL]") says nothing about the run:
/// <list type="bullet">
/// <item>any writer: <c>ResultSummary outcome="Aborted"</c> (mstest.exe; VSTest itself never writes it);</item>
/// <item>VSTest: a <c>RunInfo outcome="Error"</c> whose text is one of the platform's two abort messages, in any of
/// the languages it ships — CommunicationUtilities' <c>AbortedTestRun</c> ("The active test run was aborted. Reason: {0}")
/// and CrossPlatEngine's <c>TestHostExitedWithError</c> ("Testhost process for source(s) '{0}' exited with error: {1}. …",
/// before 2019 "Testhost process exited with error: {0}");</item>
/// <item>Microsoft.Testing.Platform (testfx TrxReportEngine.AddResultSummary, TrxProcessLifetimeHandler): "Test host process
/// pid: N crashed.", or "Exit code indicates failure: 'N'" with an exit code other than 2 (a test failed), 8 (zero tests)
/// or 9 (fewer tests than the minimum), which are verdicts on complete runs (Microsoft.Testing.Platform ExitCodes);</item>
/// <item>xunit.v3 and others: an <c>error</c> counter above the results of outcome <c>Error</c> — errors outside any
/// test, such as a failed fixture or assembly cleanup (xunit TransformFactory.Handler_TRX writes the assembly
/// <c>errors</c> there);</item>
/// <item>and a <c>Failed</c> run with no results and <c>total="0"</c>: VSTest's host crashed before any test.</item>
/// </list>
/// </summary>
internal static partial class TrxRunStatus
{
    private const string ExitCodeText = "Exit code indicates failure: '";

    // MTP exit codes that judge a run that did complete: AtLeastOneTestFailed, ZeroTests, MinimumExpectedTestsPolicyViolation.
    private static readonly HashSet<int> CompletedRunExitCodes = [2, 8, 9];

    // microsoft/vstest resources, English and the 13 translations in their xlf files: the text up to the first
    // placeholder is fixed, and what follows the last one may be cut by the reader's bound, so it is not matched.
    private static readonly Regex[] VSTestAbortTexts =
    [
        .. new[]
        {
            // CommunicationUtilities Resources.AbortedTestRun
            "The active test run was aborted. Reason: {0}",
            "Aktivní testovací běh se přerušil. Důvod: {0}",
            "Der aktive Testlauf wurde abgebrochen. Grund: {0}",
            "Se ha anulado la serie de pruebas activa. Motivo: {0}",
            "La série de tests active a été abandonnée. Raison\u00a0: {0}",
            "L'esecuzione dei test attivi è stata interrotta. Motivo: {0}",
            "アクティブなテストの実行が中止されました。理由: {0}",
            "활성 테스트 실행이 중단되었습니다. 이유: {0}",
            "Aktywny przebieg testu został przerwany. Przyczyna: {0}",
            "A execução de teste ativa foi anulada. Motivo: {0}",
            "Активный тестовый запуск прерван. Причина: {0}",
            "Etkin test çalıştırması iptal edildi. Nedeni: {0}",
            "活动的测试运行已中止。原因: {0}",
            "使用中的測試回合已中止。原因: {0}",
            // CrossPlatEngine Resources.TestHostExitedWithError (since 2019), and its first form
            "Testhost process for source(s) '{0}' exited with error: {1}",
            "Testhost process exited with error: {0}",
            "Proces testhost pro zdroj(e) {0} se ukončil s chybou: {1}",
            "Der TestHost-Prozess für die Quelle(n) {0} wurde mit folgendem Fehler beendet: {1}",
            "El proceso del host de prueba para fuentes \"{0}\" finalizó con el siguiente error: {1}",
            "Le processus Testhost pour la ou les sources '{0}' s’est arrêté. Erreur\u00a0: {1}",
            "Il processo Testhost per le origini '{0}' è terminato con errore: {1}",
            "ソース `{0}` の Testhost プロセスがエラーで終了しました: {1}",
            "원본 '{0}'에 대한 Testhost 프로세스가 오류 {1}",
            "Zakończono proces hosta testowego dla źródła „{0}” z powodu błędu: {1}",
            "Processo testhost para fonte(s) '{0}' encerrado com erro: {1}",
            "Процесс testhost для источника (-ов) {0} завершился с ошибкой. {1}",
            "'{0}' kaynağı için testhost işleminden şu hatayla çıkıldı: {1}",
            "源“{0}”的 Testhost 进程已退出，但出现错误: {1}",
            "來源 '{0}' 的 Testhost 處理序已結束，發生錯誤: {1}",
        }.Select(TemplatePattern),
    ];

    /// <summary>True when a <c>RunInfo outcome="Error"</c> text is the platform saying the run did not complete.</summary>
    public static bool SaysAborted(TrxProducer producer, string text)
    {
        if (text.StartsWith(ExitCodeText, StringComparison.Ordinal))
        {
            var end = text.IndexOf('\'', ExitCodeText.Length);
            return end < 0
                || !int.TryParse(text.AsSpan(ExitCodeText.Length, end - ExitCodeText.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
                || !CompletedRunExitCodes.Contains(code);
        }

        return producer == TrxProducer.TestingPlatform
            ? MtpCrash().IsMatch(text)
            : VSTestAbortTexts.Any(pattern => pattern.IsMatch(text));
    }

    /// <summary>
    /// Why the run aborted, or null when it did not. <paramref name="abortText"/> is the first run error that
    /// <see cref="SaysAborted"/>; <paramref name="firstError"/> the first run error of any kind.
    /// </summary>
    public static string? AbortReason(TrxProducer producer, string? runOutcome, TrxCounters? counters, TrxTally counted,
        string? abortText, string? firstError)
    {
        if (string.Equals(runOutcome, "Aborted", StringComparison.OrdinalIgnoreCase))
        {
            return abortText ?? firstError ?? "the ResultSummary outcome is \"Aborted\"";
        }

        if (abortText is not null)
        {
            return abortText;
        }

        if (counters?.Error is int errors && errors > counted.Errors)
        {
            var outside = errors - counted.Errors;
            return string.Create(CultureInfo.InvariantCulture,
                $"{TrxCountersCheck.Name(producer)} counts {outside} error(s) outside any test result (Counters error=\"{errors}\"), e.g. a failed fixture or cleanup")
                + (firstError is null ? string.Empty : $": {firstError}");
        }

        var failedRun = string.Equals(runOutcome, "Failed", StringComparison.OrdinalIgnoreCase) ||
                        string.Equals(runOutcome, "Error", StringComparison.OrdinalIgnoreCase);
        return failedRun && counted.Results == 0 && counters?.Total is null or 0
            ? firstError ?? "the run failed before any test ran"
            : null;
    }

    /// <summary>A resource text as a pattern: its fixed parts literally, a placeholder as any text; what follows the last placeholder is left out.</summary>
    private static Regex TemplatePattern(string template)
    {
        var last = template.LastIndexOf('{');
        var parts = Regex.Split(template[..last], @"\{\d\}");
        return new Regex("^" + string.Join("[\\s\\S]*", parts.Select(Regex.Escape)), RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^Test host process pid: \d+ crashed\.$", RegexOptions.CultureInvariant)]
    private static partial Regex MtpCrash();
}
