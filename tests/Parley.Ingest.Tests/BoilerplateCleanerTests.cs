using Parley.Model;
using Parley.Processing;
using Parley.Text;

namespace Parley.Ingest.Tests;

public class BoilerplateCleanerTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in BoilerplateCleaner.Examples)
        {
            data.Add(example);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_rule_removes_its_example(string line)
    {
        Assert.True(BoilerplateCleaner.IsBoilerplate(line), line);
    }

    [Theory]
    [InlineData("For the latest headlines, sports and weather, head to our app.")]
    [InlineData("For more news and updates, visit our homepage.")]
    [InlineData("Click here to subscribe")]
    [InlineData("Click to share on Twitter (Opens in new window)")]
    [InlineData("Sign up for our newsletter")]
    [InlineData("Subscribe to our daily briefing for the top stories.")]
    [InlineData("Follow us on Twitter")]
    [InlineData("Follow Jane Doe on Twitter: @janedoe")]
    [InlineData("Like us on Facebook")]
    [InlineData("Share this article")]
    [InlineData("Share on Facebook")]
    [InlineData("Share:")]
    [InlineData("Read more:")]
    [InlineData("READ MORE: Zelensky urges allies to send more weapons")]
    [InlineData("Related:")]
    [InlineData("Related: What we know about the talks")]
    [InlineData("Copyright 2022 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.")]
    [InlineData("© 2022 Cable News Network. A Warner Bros. Discovery Company. All Rights Reserved.")]
    [InlineData("Reporting by Jane Doe; Editing by John Smith")]
    [InlineData("(Reporting by Jane Doe in Moscow and Tom Balmforth in London; Writing by Mark Trevelyan; Editing by Alex Richardson)")]
    [InlineData("Additional reporting by Maria Lopez")]
    [InlineData("Associated Press writers Jane Doe in Kyiv and John Smith in London contributed to this report.")]
    [InlineData("Photo: Getty Images")]
    [InlineData("Image credit: Reuters")]
    [InlineData("Photo by Jane Doe/Reuters")]
    [InlineData("(AP Photo/Evan Vucci)")]
    [InlineData("President Biden speaks at the White House on Monday. (AP Photo/Evan Vucci)")]
    [InlineData("Advertisement")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("Story continues below advertisement")]
    [InlineData("  Advertisement  ")]
    [InlineData("Tags: Ukraine, Russia, United Nations")]
    [InlineData("Updated: April 19, 2022 10:32 AM ET")]
    public void Boilerplate_lines_are_recognised(string line)
    {
        Assert.True(BoilerplateCleaner.IsBoilerplate(line), line);
    }

    [Theory]
    [InlineData("Officials said they would follow the talks closely and share any news with the Security Council.")]
    [InlineData("Follow the money, prosecutors told the jury on Tuesday.")]
    [InlineData("Follow-up talks are planned for next week in Istanbul.")]
    [InlineData("Subscribers to the service rose by 12 percent, the company said.")]
    [InlineData("Subscribe to the idea that diplomacy can work, the envoy urged.")]
    [InlineData("Millions of people subscribe to state television news in Russia.")]
    [InlineData("Share prices fell 4% on Monday after the news broke.")]
    [InlineData("Share the burden, the minister told European partners.")]
    [InlineData("Click fraud cost advertisers $1 billion last year, the report found.")]
    [InlineData("Users who click links in such emails risk losing their savings.")]
    [InlineData("News of the meeting spread quickly through the capital.")]
    [InlineData("For the latest round of talks, both delegations will go to Geneva.")]
    [InlineData("For more than a decade, families would go to the border to plead for news.")]
    [InlineData("Related charges were filed against two other men.")]
    [InlineData("Read more about the plan, the minister urged lawmakers.")]
    [InlineData("Copyright holders sued the company last year.")]
    [InlineData("Reporting by the newspaper revealed the payments in 2019.")]
    [InlineData("Reporting by Reuters revealed the scandal.")]
    [InlineData("Editing by hand takes hours, he said.")]
    [InlineData("Photos of the damage spread quickly on social media.")]
    [InlineData("Photographs by a local artist were shown at the exhibition.")]
    [InlineData("Images released by NASA show the storm over the Atlantic.")]
    [InlineData("The advertisement ran in three newspapers on Sunday.")]
    [InlineData("Updated figures show 30 people died in the floods.")]
    [InlineData("Published in 2019, the report found widespread abuse.")]
    [InlineData("He urged citizens to follow us on the path to peace.")]
    [InlineData("Sign up for the draft was compulsory for men aged 18 to 25.")]
    [InlineData("Tags on the shipment showed it came from Odessa.")]
    [InlineData("The mayor said she would like to discuss the next steps to reopen the bridge.")]
    public void Story_sentences_stay(string line)
    {
        Assert.False(BoilerplateCleaner.IsBoilerplate(line), line);
    }

    [Fact]
    public void Long_lines_are_never_boilerplate()
    {
        Assert.False(BoilerplateCleaner.IsBoilerplate("Advertisement " + new string('x', BoilerplateCleaner.MaxLineLength)));
    }

    [Fact]
    public void Process_marks_whole_lines_in_text_order_and_adds_the_layer()
    {
        const string text = "Share this article\nThe talks resumed in Geneva on Tuesday.\n  Advertisement  \nThe ministers will meet again.\nRead more: Talks stall";
        var document = new Document("d", text);
        var cleaner = new BoilerplateCleaner();
        cleaner.Process(document, new StageContext(document, cleaner.Name));
        Assert.Equal(["Share this article", "Advertisement", "Read more: Talks stall"], document.Removed.Select(r => text[r.Start..r.End]));
        Assert.All(document.Removed, r => Assert.Equal(BoilerplateCleaner.Reason, r.Reason));
        Assert.True(document.Layers.HasFlag(Layers.Cleaned));
        Assert.Equal("clean.boilerplate.v1", cleaner.Name);
        Assert.Equal(Layers.Text, cleaner.Requires);
        Assert.Equal(Layers.Cleaned, cleaner.Provides);
    }

    [Fact]
    public void Process_leaves_spans_already_removed_and_keeps_order()
    {
        const string text = "Most read\nThe talks resumed.\nAdvertisement";
        var document = new Document("d", text);
        document.Removed.Add(new RemovedSpan(0, 9, "repeated"));
        var cleaner = new BoilerplateCleaner();
        cleaner.Process(document, new StageContext(document, cleaner.Name));
        Assert.Equal([("repeated", 0), ("boilerplate", 29)], document.Removed.Select(r => (r.Reason, r.Start)));
    }

    [Fact]
    public void Example_article_loses_exactly_its_last_line()
    {
        var path = SharedData.Find("examples/un-guterres-putin.txt");
        if (path is null)
        {
            // The example article is read from the shared folder; without it there is nothing to check.
            return;
        }
        var text = File.ReadAllText(path);
        var document = new Document("un-guterres-putin", text);
        var cleaner = new BoilerplateCleaner();
        cleaner.Process(document, new StageContext(document, cleaner.Name));
        var removed = Assert.Single(document.Removed);
        var lastLineStart = text.TrimEnd().LastIndexOf('\n') + 1;
        Assert.Equal(lastLineStart, removed.Start);
        Assert.Equal(text.TrimEnd().Length, removed.End);
        Assert.Equal("For the latest news, weather, sports, and streaming video, head to The Hill.", text[removed.Start..removed.End]);
    }
}
