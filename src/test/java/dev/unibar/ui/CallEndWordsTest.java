package dev.unibar.ui;

import dev.unibar.core.model.CallEnd;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every word of the end vocabulary (decision 0055) is in the five bundles, and no other language keeps the English. */
class CallEndWordsTest {

    @Test
    void everyEndHasAWordInEveryLanguageAndNoneIsLeftInEnglish() {
        Messages en = Messages.forLanguage("en");
        List<String> problems = new ArrayList<>();
        for (CallEnd end : CallEnd.values()) {
            String key = "callEnd." + end.word();
            String english = en.get(key);
            assertFalse(english.startsWith("!"), "English has " + key);
            for (String lang : Messages.LANGUAGES) {
                if (lang.equals("en")) continue;
                String word = Messages.forLanguage(lang).get(key);
                if (word.startsWith("!") || word.equals(english)) problems.add(lang + " " + key + " = " + word);
            }
        }
        assertEquals(List.of(), problems);
    }
}
