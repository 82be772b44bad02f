import CohortCore
import CohortIngest
import CohortVocabulary

// The reader returns facts; these tests read them as the English and German reports word them.

extension IngestError {
    var description: String { Language.english.words.describe(self) }
}

extension RejectedRow {
    var description: String { Language.english.words.describe(self) }
    var germanDescription: String { Language.german.words.describe(self) }
    /// Why, in English: "'12,5O' is not a number".
    var reasonText: String { Language.english.words.reason(reason) }
    var germanReason: String { Language.german.words.reason(reason) }
}

extension InputWarning {
    var description: String { Language.english.words.describe(self) }
}

extension SourceFormat {
    var description: String { Language.english.words.describe(self) }
}
