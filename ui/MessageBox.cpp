// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBox.h"

#include <QAbstractButton>
#include <QFileDialog>

namespace hocba::ui {

namespace {
std::optional<MessageBox::Button> nextAnswer;
bool autoAnswer = false;
MessageBox::Shown lastBox;
int boxCount = 0;
} // namespace

std::optional<QString> FileDialog::s_nextFileName;

MessageBox::Button MessageBox::show(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
                                    const QString& detail, Buttons buttons, Button defaultButton,
                                    const QList<QPair<Button, QString>>& labels)
{
    lastBox = Shown {icon, title, text, detail};
    ++boxCount;
    if (nextAnswer) {
        const Button answer = *nextAnswer;
        nextAnswer.reset();
        return answer;
    }
    if (autoAnswer)
        return defaultButton != QMessageBox::NoButton ? defaultButton : QMessageBox::Ok;

    QMessageBox box(icon, title, text, buttons, parent);
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    for (const auto& [button, label] : labels)
        if (QAbstractButton* b = box.button(button))
            b->setText(label);
    // The technical detail is for a support ticket; it never holds personal data (util/Error.h).
    if (!detail.isEmpty())
        box.setDetailedText(detail);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    return Button(box.exec());
}

MessageBox::Button MessageBox::choose(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                      const QString& text, const QList<QPair<Button, QString>>& labelledButtons,
                                      Button defaultButton)
{
    Buttons buttons;
    for (const auto& labelled : labelledButtons)
        buttons |= labelled.first;
    return show(parent, icon, title, text, QString(), buttons, defaultButton, labelledButtons);
}

MessageBox::Button MessageBox::critical(QWidget* parent, const QString& title, const QString& text,
                                        const QString& detail, Buttons buttons)
{
    return show(parent, QMessageBox::Critical, title, text, detail, buttons, QMessageBox::NoButton);
}

MessageBox::Button MessageBox::warning(QWidget* parent, const QString& title, const QString& text, Buttons buttons,
                                       Button defaultButton)
{
    return show(parent, QMessageBox::Warning, title, text, QString(), buttons, defaultButton);
}

MessageBox::Button MessageBox::information(QWidget* parent, const QString& title, const QString& text)
{
    return show(parent, QMessageBox::Information, title, text, QString(), QMessageBox::Ok, QMessageBox::Ok);
}

MessageBox::Button MessageBox::question(QWidget* parent, const QString& title, const QString& text, Buttons buttons,
                                        Button defaultButton)
{
    return show(parent, QMessageBox::Question, title, text, QString(), buttons, defaultButton);
}

void MessageBox::about(QWidget* parent, const QString& title, const QString& text)
{
    lastBox = Shown {QMessageBox::Information, title, text, QString()};
    ++boxCount;
    if (nextAnswer || autoAnswer) {
        nextAnswer.reset();
        return;
    }
    QMessageBox::about(parent, title, text);
}

void MessageBox::setNextAnswer(Button answer)
{
    nextAnswer = answer;
}

void MessageBox::setAutoAnswer(bool on)
{
    autoAnswer = on;
}

const MessageBox::Shown& MessageBox::lastShown()
{
    return lastBox;
}

int MessageBox::shownCount()
{
    return boxCount;
}

void MessageBox::resetShown()
{
    lastBox = Shown {};
    boxCount = 0;
}

QString FileDialog::getOpenFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter)
{
    if (s_nextFileName) {
        const QString name = *s_nextFileName;
        s_nextFileName.reset();
        return name;
    }
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter)
{
    if (s_nextFileName) {
        const QString name = *s_nextFileName;
        s_nextFileName.reset();
        return name;
    }
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void FileDialog::setNextFileName(const QString& fileName)
{
    s_nextFileName = fileName;
}

} // namespace hocba::ui
