using Parley.Diagnostics;

namespace Parley.Ingest.Tests;

public class LanguageTests
{
    [Theory]
    [InlineData("en", "United Nations Secretary-General António Guterres has requested to meet Russian President Vladimir Putin in Moscow to discuss urgent steps to end the fighting in Ukraine.")]
    [InlineData("de", "Der Generalsekretär der Vereinten Nationen hat um ein Treffen mit dem russischen Präsidenten gebeten, um über die Lage in der Ukraine zu sprechen.")]
    [InlineData("fr", "Le secrétaire général des Nations unies a demandé à rencontrer le président russe pour discuter des mesures urgentes pour mettre fin aux combats.")]
    [InlineData("es", "El secretario general de las Naciones Unidas ha pedido reunirse con el presidente ruso para hablar de los pasos urgentes para poner fin a la guerra.")]
    [InlineData("ru", "Генеральный секретарь ООН попросил о встрече с президентом России, чтобы обсудить срочные шаги по прекращению боевых действий.")]
    [InlineData("ar", "طلب الأمين العام للأمم المتحدة لقاء الرئيس الروسي لبحث خطوات عاجلة لإنهاء القتال")]
    [InlineData("zh", "联合国秘书长要求会见俄罗斯总统，讨论结束战斗的紧急步骤。")]
    public void Detects_the_language(string expected, string text)
    {
        Assert.Equal(expected, StopwordLanguageDetector.Detect(text).Language);
    }

    [Fact]
    public void Empty_text_is_undetermined()
    {
        Assert.Equal("und", StopwordLanguageDetector.Detect("").Language);
    }

    [Fact]
    public async Task Non_english_document_gets_its_guess_and_W304()
    {
        var document = Assert.Single(await Read.StdinAsync("Der Generalsekretär der Vereinten Nationen hat um ein Treffen mit dem russischen Präsidenten gebeten."));
        Assert.Equal("de", document.Language);
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.NotEnglish);
    }

    [Fact]
    public async Task English_document_has_no_language_warning()
    {
        var document = Assert.Single(await Read.StdinAsync("The ministers met in Rome on Wednesday to discuss trade and the war."));
        Assert.Equal("en", document.Language);
        Assert.DoesNotContain(document.Diagnostics, d => d.Code == DiagnosticCodes.NotEnglish);
    }

    [Fact]
    public async Task Very_short_text_is_undetermined_and_says_so()
    {
        var document = Assert.Single(await Read.StdinAsync("Monday, March 15"));
        Assert.Equal("und", document.Language);
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.NotEnglish && d.Message.Contains("too short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Html_on_stdin_is_sniffed_and_extracted()
    {
        var document = Assert.Single(await Read.StdinAsync("<!DOCTYPE html><html><body><nav>Home</nav><p>The ministers met in Rome on Wednesday to discuss trade.</p></body></html>"));
        Assert.Equal("The ministers met in Rome on Wednesday to discuss trade.", document.Text);
    }
}
