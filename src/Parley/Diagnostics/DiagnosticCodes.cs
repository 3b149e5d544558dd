namespace Parley.Diagnostics;

/// <summary>
/// Every diagnostic code Parley emits, in one place. E1xx: configuration (the run cannot start);
/// E2xx: a document could not be read or coded (it is reported as failed, the batch goes on);
/// W3xx: data quality (the document is coded, perhaps less completely); I4xx: information.
/// Codes are never renumbered or reused; retired codes stay listed.
/// </summary>
public static class DiagnosticCodes
{
    // E1xx: configuration.

    /// <summary>A pipeline names a stage that is not registered.</summary>
    public const string UnknownStage = "E101";
    /// <summary>A stage requires a layer that no earlier stage provides.</summary>
    public const string StageOrder = "E102";
    /// <summary>A data file the configuration needs (model, lexicon) is missing or unreadable.</summary>
    public const string DataMissing = "E103";
    /// <summary>A command-line option or setting has an invalid value.</summary>
    public const string InvalidOption = "E104";
    /// <summary>An input path does not exist.</summary>
    public const string InputNotFound = "E105";
    /// <summary>The event store cannot be opened or reached (bad path, server down, wrong credentials), or its schema is newer than this program.</summary>
    public const string StoreUnavailable = "E106";
    /// <summary>A store query is malformed: a bad date, range or point, an unknown field or format.</summary>
    public const string InvalidQuery = "E107";

    // E2xx: a document failed.

    /// <summary>A stage threw while processing the document; the reason is in the message.</summary>
    public const string StageFailed = "E201";
    /// <summary>The input file or record holds no text.</summary>
    public const string EmptyInput = "E202";
    /// <summary>The input looks like binary data, not text.</summary>
    public const string BinaryInput = "E203";
    /// <summary>The input's bytes are not valid in any encoding Parley detects.</summary>
    public const string InvalidEncoding = "E204";
    /// <summary>The input is larger than the configured limit.</summary>
    public const string InputTooLarge = "E205";
    /// <summary>A JSON line is not valid JSON, or not a JSON object.</summary>
    public const string MalformedJson = "E206";
    /// <summary>A JSON line has neither a <c>text</c> nor an <c>html</c> field with content.</summary>
    public const string MissingText = "E207";
    /// <summary>A file could not be read (permissions, I/O error).</summary>
    public const string UnreadableInput = "E208";
    /// <summary>A CSV record is malformed or lacks a text column.</summary>
    public const string MalformedCsv = "E209";
    /// <summary>An HTML page has no main text that could be extracted.</summary>
    public const string NoMainText = "E210";
    /// <summary>The input is in a format Parley recognises but cannot read yet (for now: WARC).</summary>
    public const string UnsupportedFormat = "E211";
    /// <summary>An RSS or Atom feed is not well-formed XML or not a feed Parley can read.</summary>
    public const string MalformedFeed = "E212";

    // W3xx: data quality.

    /// <summary>An actor mention matches no known actor.</summary>
    public const string UnresolvedActor = "W301";
    /// <summary>The input was not valid UTF-8 and was decoded as Windows-1252.</summary>
    public const string DecodedAsWindows1252 = "W302";
    /// <summary>The <c>published</c> value could not be parsed as a date; it was left null.</summary>
    public const string InvalidPublishedDate = "W303";
    /// <summary>The article does not look like English; later stages may do poorly.</summary>
    public const string NotEnglish = "W304";
    /// <summary>A JSON line has a field of the wrong type; the field was ignored.</summary>
    public const string IgnoredField = "W305";
    /// <summary>A JSON line repeats the id of an earlier record; a suffix was added.</summary>
    public const string DuplicateId = "W306";
    /// <summary>An entry or code block of a PETRARCH dictionary could not be read and was skipped.</summary>
    public const string DictionaryEntrySkipped = "W307";
    /// <summary>A location the entity recogniser found matches no gazetteer entry; it was left unresolved.</summary>
    public const string PlaceNotInGazetteer = "W308";
    /// <summary>
    /// A relative time expression ("Sunday", "last week", "March 3") could not be resolved because the
    /// article has no publication date and no dateline; its value was left null. Give <c>published</c>.
    /// </summary>
    public const string UnresolvedRelativeTime = "W309";
    /// <summary>A quotation was found but no speaker could be attributed to it; its speaker was left null.</summary>
    public const string QuoteWithoutSpeaker = "W310";

    // I4xx: information.

    /// <summary>The article states a person's role (a title before the name, an apposition after it); the knowledge base may learn it.</summary>
    public const string PersonRoleStated = "I401";
    /// <summary>A person's code and role come from the person knowledge base, not from the article.</summary>
    public const string PersonRoleFromKnowledge = "I402";
    /// <summary>A person named without a role is coded from the people table (<c>data/actors/people.tsv</c>): the office held on the article's date.</summary>
    public const string PersonRoleFromPeopleTable = "I403";

    /// <summary>The severity implied by a code's first letter.</summary>
    public static DiagnosticSeverity SeverityOf(string code) => code.Length > 0 && code[0] == 'E'
        ? DiagnosticSeverity.Error
        : code.Length > 0 && code[0] == 'W' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
}
