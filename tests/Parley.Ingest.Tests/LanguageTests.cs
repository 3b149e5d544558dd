using Parley.Diagnostics;

namespace Parley.Ingest.Tests;

public class LanguageTests
{
    [Theory]
    [InlineData("en", "Chile's foreign minister has asked to meet the Argentine president in Buenos Aires to discuss the dispute over water rights along the border.")]
    [InlineData("de", "Die chilenische Außenministerin hat um ein Treffen mit dem argentinischen Präsidenten gebeten, um über den Streit um die Wasserrechte an der Grenze zu sprechen.")]
    [InlineData("fr", "La ministre chilienne des Affaires étrangères a demandé à rencontrer le président argentin pour discuter du conflit sur les droits de l'eau à la frontière.")]
    [InlineData("es", "La canciller de Chile ha pedido reunirse con el presidente argentino para hablar del conflicto por los derechos de agua en la frontera.")]
    [InlineData("ru", "Министр иностранных дел Чили попросила о встрече с президентом Аргентины, чтобы обсудить спор о правах на воду на границе.")]
    [InlineData("ar", "طلبت وزيرة خارجية تشيلي لقاء الرئيس الأرجنتيني لبحث النزاع حول حقوق المياه على الحدود")]
    [InlineData("zh", "智利外交部长要求会见阿根廷总统，讨论边境水权争端。")]
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
