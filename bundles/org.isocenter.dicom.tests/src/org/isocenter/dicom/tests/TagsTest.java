/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.isocenter.dicom.internal.Tags;
import org.junit.jupiter.api.Test;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;

/** Every tag number in {@link Tags} is the one PixelMed's data dictionary gives for the field's name (its keyword). */
class TagsTest {

    @Test
    void everyTagNumberIsTheDictionarysForItsKeyword() throws Exception {
        int checked = 0;
        for (Field f : Tags.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != AttributeTag.class) {
                continue;
            }
            AttributeTag expected = AttributeList.getDictionary().getTagFromName(f.getName());
            assertNotNull(expected, "the dictionary knows the keyword " + f.getName());
            assertEquals(expected, f.get(null), f.getName());
            checked++;
        }
        assertTrue(checked >= 100, "all the tags: " + checked);
    }
}
