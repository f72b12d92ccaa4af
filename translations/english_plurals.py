#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes mas_en.ts: English plural forms for every %n text of mas_de.ts ("%n hit(s)" ->
"%n hit" / "%n hits"), so English shows "1 hit" and "9 hits". The other English texts are the
source texts themselves. Run by `--target update_translations` after lupdate."""
import re
import sys

source_ts, english_ts = sys.argv[1], sys.argv[2]
text = open(source_ts, encoding="utf-8").read()
out = ['<?xml version="1.0" encoding="utf-8"?>', '<!DOCTYPE TS>',
       '<TS version="2.1" language="en">']
for context in re.finditer(r"<context>\s*<name>(.*?)</name>(.*?)</context>", text, re.S):
    messages = []
    for message in re.finditer(r'<message numerus="yes">(.*?)</message>', context.group(2), re.S):
        source = re.search(r"<source>(.*?)</source>", message.group(1), re.S).group(1)
        comment = re.search(r"<comment>(.*?)</comment>", message.group(1), re.S)
        one = re.sub(r"\((?:e?s)\)", "", source)
        many = re.sub(r"\((e?s)\)", r"\1", source)
        messages.append("    <message numerus=\"yes\">\n        <source>%s</source>\n%s"
                        "        <translation>\n            <numerusform>%s</numerusform>\n"
                        "            <numerusform>%s</numerusform>\n        </translation>\n"
                        "    </message>" % (source, "        <comment>%s</comment>\n" % comment.group(1)
                                            if comment else "", one, many))
    if messages:
        out.append("<context>\n    <name>%s</name>\n%s\n</context>" % (context.group(1), "\n".join(messages)))
out.append("</TS>")
open(english_ts, "w", encoding="utf-8").write("\n".join(out) + "\n")
