// SPDX-License-Identifier: MIT
// Generates the translation units that compile the C++ code blocks of the documentation.
//
//   mas_guideblocks OUTDIR DOC.md [DOC.md ...]
//
// Every ```cpp block must say what it is in its fence's info string:
//   ```cpp program          a whole source file (a program with main(), or declarations):
//                           its #includes are hoisted, the rest goes into a namespace of its
//                           own and main() is renamed; all programs go into OUTDIR/guide_programs.cpp
//   ```cpp fragment         statements: the body of a coroutine returning QCoro::Task<void>;
//   ```cpp fragment(PARAMS) the same with parameters (the objects the fragment talks about);
//                           all fragments go into OUTDIR/guide_fragments.cpp
// A ```cpp block without a kind is an error, so that no block escapes the compiler. Blocks in
// other languages (sh, json, cmake, python) are not compiled. #line directives point compiler
// messages at the Markdown file's lines.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringList>
#include <QTextStream>

#include <cstdio>

namespace {

struct Block
{
    QString file;     // as given on the command line
    QString label;    // file base name and line, for names
    int firstLine = 0; // the line after the fence
    QString kind;     // "program" or "fragment"
    QString params;   // fragment parameters
    QStringList lines;
};

bool parse(const QString &path, QList<Block> &blocks, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    static const QRegularExpression fence(QStringLiteral(R"(^\s*```\s*(\S*)\s*(.*?)\s*$)"));
    static const QRegularExpression kindRe(QStringLiteral(R"(^(program|fragment)(?:\((.*)\))?$)"));
    const QString base = QFileInfo(path).completeBaseName().replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")), QStringLiteral("_"));
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch open = fence.match(lines[i]);
        if (!open.hasMatch())
            continue;
        // Find the closing fence whatever the language.
        int end = i + 1;
        while (end < lines.size() && !lines[end].trimmed().startsWith(QStringLiteral("```")))
            ++end;
        if (end >= lines.size()) {
            error = QStringLiteral("%1:%2: a code block is not closed").arg(path).arg(i + 1);
            return false;
        }
        if (open.captured(1) == u"cpp" || open.captured(1) == u"c++") {
            const QRegularExpressionMatch kind = kindRe.match(open.captured(2));
            if (!kind.hasMatch()) {
                error = QStringLiteral("%1:%2: a ```cpp block must say `program` or `fragment` (found \"%3\")")
                            .arg(path)
                            .arg(i + 1)
                            .arg(open.captured(2));
                return false;
            }
            Block b;
            b.file = path;
            b.label = QStringLiteral("%1_%2").arg(base).arg(i + 1);
            b.firstLine = i + 2;
            b.kind = kind.captured(1);
            b.params = kind.captured(2);
            b.lines = lines.mid(i + 1, end - i - 1);
            blocks.push_back(b);
        }
        i = end;
    }
    return true;
}

bool write(const QString &path, const QString &text)
{
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && QString::fromUtf8(existing.readAll()) == text)
        return true; // unchanged: no rebuild
    existing.close();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(text.toUtf8());
    return out.commit();
}

QString generate(const QList<Block> &blocks, const QString &kind, const QString &mocName)
{
    QStringList includes{QStringLiteral("#include <QCoreApplication>"), QStringLiteral("#include <QDebug>"),
                         QStringLiteral("#include <QCoro/QCoroTask>")};
    QString body;
    for (const Block &b : blocks) {
        if (b.kind != kind)
            continue;
        QStringList code;
        for (const QString &line : b.lines) {
            if (line.trimmed().startsWith(QStringLiteral("#include"))) {
                if (!includes.contains(line.trimmed()))
                    includes.push_back(line.trimmed());
                code.push_back(QString()); // keeps the line numbers
            } else {
                code.push_back(line);
            }
        }
        const QString file = QDir::fromNativeSeparators(QFileInfo(b.file).absoluteFilePath());
        body += QStringLiteral("\nnamespace guide_%1_%2 {\n").arg(kind, b.label);
        if (kind == u"program") {
            static const QRegularExpression mainRe(QStringLiteral(R"(\bint\s+main\s*\()"));
            QString text = code.join(u'\n');
            text.replace(mainRe, QStringLiteral("int guide_main("));
            body += QStringLiteral("#line %1 \"%2\"\n%3\n").arg(b.firstLine).arg(file, text);
        } else {
            body += QStringLiteral("[[maybe_unused]] QCoro::Task<void> block(%1)\n{\n").arg(b.params);
            body += QStringLiteral("#line %1 \"%2\"\n%3\n").arg(b.firstLine).arg(file, code.join(u'\n'));
            body += QStringLiteral("    co_return;\n}\n");
        }
        body += QStringLiteral("} // namespace guide_%1_%2\n").arg(kind, b.label);
    }
    QString text = QStringLiteral("// Generated by mas_guideblocks from the documentation; do not edit.\n");
    text += includes.join(u'\n') + u'\n' + body;
    if (!mocName.isEmpty() && body.contains(QStringLiteral("Q_OBJECT")))
        text += QStringLiteral("\n#include \"%1\"\n").arg(mocName);
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: mas_guideblocks OUTDIR DOC.md...\n");
        return 2;
    }
    QList<Block> blocks;
    for (const QString &doc : args.mid(1)) {
        QString error;
        if (!parse(doc, blocks, error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    const QDir out(args[0]);
    if (!write(out.filePath(QStringLiteral("guide_programs.cpp")),
               generate(blocks, QStringLiteral("program"), QStringLiteral("guide_programs.moc")))
        || !write(out.filePath(QStringLiteral("guide_fragments.cpp")),
                  generate(blocks, QStringLiteral("fragment"), QString()))) {
        std::fprintf(stderr, "cannot write to %s\n", qPrintable(args[0]));
        return 1;
    }
    std::printf("%lld code blocks\n", static_cast<long long>(blocks.size()));
    return 0;
}
