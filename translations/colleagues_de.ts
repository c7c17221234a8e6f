<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Colleagues::ApiError</name>
    <message>
        <source>The server sent an answer Colleagues does not understand.</source>
        <translation>Der Server hat eine Antwort geschickt, die Colleagues nicht versteht.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established. Check the server address and its certificate.</source>
        <translation>Es konnte keine sichere Verbindung zum Server hergestellt werden. Prüfen Sie die Serveradresse und sein Zertifikat.</translation>
    </message>
    <message>
        <source>The server could not be found. Check the server address.</source>
        <translation>Der Server wurde nicht gefunden. Prüfen Sie die Serveradresse.</translation>
    </message>
    <message>
        <source>The server is not reachable: the connection was refused.</source>
        <translation>Der Server ist nicht erreichbar: Die Verbindung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server is not reachable. Check your network connection.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The username or password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The server rejected the request as invalid.</source>
        <translation>Der Server hat die Anfrage als ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>This was changed elsewhere in the meantime.</source>
        <translation>Dies wurde inzwischen an anderer Stelle geändert.</translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation>Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server has a problem right now. Colleagues will try again.</source>
        <translation>Der Server hat gerade ein Problem. Colleagues versucht es erneut.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Das dürfen Sie nicht.</translation>
    </message>
    <message>
        <source>Not found on the server.</source>
        <translation>Auf dem Server nicht gefunden.</translation>
    </message>
    <message>
        <source>This is too large for the server.</source>
        <translation>Das ist zu groß für den Server.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>Der Server hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>Colleagues::AvatarWidget</name>
    <message>
        <source>Photo of %1</source>
        <translation>Foto von %1</translation>
    </message>
</context>
<context>
    <name>Colleagues::ChangePasswordDialog</name>
    <message>
        <source>Change Password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Please choose your own password</source>
        <translation>Bitte wählen Sie ein eigenes Passwort</translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Your password was set by an administrator or an import, so others may know it. Choose a new one that only you know. Until you do, you are asked again at every sign-in.</source>
        <translation>Ihr Passwort wurde von einem Administrator oder bei einem Import festgelegt, andere könnten es also kennen. Wählen Sie ein neues, das nur Sie kennen. Bis dahin werden Sie bei jeder Anmeldung erneut danach gefragt.</translation>
    </message>
    <message>
        <source>Your other devices are signed out when the password changes.</source>
        <translation>Wenn sich das Passwort ändert, werden Ihre anderen Geräte abgemeldet.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Password problem</source>
        <translation>Problem mit dem Passwort</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Please wait a few minutes and try again.</source>
        <translation>Zu viele falsche Passwörter. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Das aktuelle Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again, then change the password.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an und ändern Sie dann das Passwort.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Das neue Passwort muss sich vom aktuellen unterscheiden.</translation>
    </message>
    <message>
        <source>The new password is too long.</source>
        <translation>Das neue Passwort ist zu lang.</translation>
    </message>
    <message>
        <source>The new password must be at least %1 characters long.</source>
        <translation>Das neue Passwort muss mindestens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your password was not changed.</source>
        <translation>Der Server ist nicht erreichbar. Ihr Passwort wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The password could not be changed: %1</source>
        <translation>Das Passwort konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Geben Sie Ihr aktuelles Passwort ein.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>Passwort wird geändert …</translation>
    </message>
</context>
<context>
    <name>Colleagues::ChatDelegate</name>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>✓ The answer</source>
        <translation>✓ Die Antwort</translation>
    </message>
</context>
<context>
    <name>Colleagues::ChatModel</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (marked as the answer)</source>
        <translation>%1 (als Antwort markiert)</translation>
    </message>
</context>
<context>
    <name>Colleagues::ChatView</name>
    <message>
        <source>View profile</source>
        <translation>Profil ansehen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write a message… (Enter sends, Shift+Enter for a new line)</source>
        <translation>Nachricht schreiben … (Eingabe sendet, Umschalt+Eingabe für eine neue Zeile)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabe)</translation>
    </message>
    <message>
        <source>%1 local time</source>
        <translation>%1 Ortszeit</translation>
    </message>
    <message>
        <source>No messages with %1 yet.
Say hello — they will get it even if you are offline now.</source>
        <translation>Noch keine Nachrichten mit %1.
Sagen Sie Hallo – die Nachricht kommt auch an, wenn Sie gerade offline sind.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Try sending again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Delete this message</source>
        <translation>Diese Nachricht löschen</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>%1 is out of office until %2.</source>
        <translation>%1 ist bis %2 nicht im Büro.</translation>
    </message>
    <message>
        <source>%1 is out of office.</source>
        <translation>%1 ist nicht im Büro.</translation>
    </message>
    <message>
        <source>%1 does not want to be disturbed until %2.</source>
        <translation>%1 möchte bis %2 nicht gestört werden.</translation>
    </message>
    <message>
        <source>%1 does not want to be disturbed.</source>
        <translation>%1 möchte nicht gestört werden.</translation>
    </message>
    <message>
        <source>In the meantime, please write to %1.</source>
        <translation>Schreiben Sie in der Zwischenzeit bitte an %1.</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>You are standing in for %1.</source>
        <translation>Sie vertreten %1.</translation>
    </message>
    <message>
        <source>Not Me…</source>
        <translation>Nicht ich…</translation>
    </message>
    <message>
        <source>Leave this question quietly, and suggest someone who may know</source>
        <translation>Diese Frage still verlassen und jemanden vorschlagen, der es wissen könnte</translation>
    </message>
    <message>
        <source>Mark as the Answer</source>
        <translation>Als Antwort markieren</translation>
    </message>
    <message>
        <source>The selected message solved your question: close it, and thank its writer</source>
        <translation>Die ausgewählte Nachricht hat Ihre Frage gelöst: Frage schließen und dem Verfasser danken</translation>
    </message>
    <message>
        <source>Question by %1 · answered</source>
        <translation>Frage von %1 · beantwortet</translation>
    </message>
    <message>
        <source>Question by %1 · open</source>
        <translation>Frage von %1 · offen</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>waiting to reach the server</source>
        <translation>wartet auf den Server</translation>
    </message>
    <message numerus="yes">
        <source>%n people: %1</source>
        <translation>
            <numerusform>%n Person: %1</numerusform>
            <numerusform>%n Personen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Answered by %1 — thank you!</source>
        <translation>✓ Beantwortet von %1 — vielen Dank!</translation>
    </message>
    <message>
        <source>%1 marked the answer that solved it.</source>
        <translation>%1 hat die Antwort markiert, die die Frage gelöst hat.</translation>
    </message>
    <message>
        <source>%1 marked this answer: “%2”</source>
        <translation>%1 hat diese Antwort markiert: „%2“</translation>
    </message>
    <message>
        <source>You left this question: you get nothing more of it.</source>
        <translation>Sie haben diese Frage verlassen und erhalten nichts mehr davon.</translation>
    </message>
    <message>
        <source>You left this group: you get nothing more of it.</source>
        <translation>Sie haben diese Gruppe verlassen und erhalten nichts mehr davon.</translation>
    </message>
    <message>
        <source>No messages in this question yet.</source>
        <translation>Noch keine Nachrichten zu dieser Frage.</translation>
    </message>
    <message>
        <source>No messages in %1 yet.</source>
        <translation>Noch keine Nachrichten in %1.</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
    <message>
        <source>%1 — asked the question</source>
        <translation>%1 — hat die Frage gestellt</translation>
    </message>
    <message>
        <source>%1 — suggested by %2</source>
        <translation>%1 — vorgeschlagen von %2</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Your question · answered</source>
        <translation>Ihre Frage · beantwortet</translation>
    </message>
    <message>
        <source>Your question · open</source>
        <translation>Ihre Frage · offen</translation>
    </message>
    <message>
        <source>you</source>
        <comment>among the people in a conversation</comment>
        <translation>Sie</translation>
    </message>
    <message>
        <source>✓ Answered — thank you!</source>
        <translation>✓ Beantwortet — vielen Dank!</translation>
    </message>
    <message>
        <source>You marked the answer that solved it.</source>
        <translation>Sie haben die Antwort markiert, die die Frage gelöst hat.</translation>
    </message>
    <message>
        <source>You marked this answer: “%1”</source>
        <translation>Sie haben diese Antwort markiert: „%1“</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <comment>in a conversation</comment>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>This conversation could not be started: %1</source>
        <translation>Diese Unterhaltung konnte nicht begonnen werden: %1</translation>
    </message>
</context>
<context>
    <name>Colleagues::Chip</name>
    <message>
        <source>%1, level %2 of 5</source>
        <translation>%1, Stufe %2 von 5</translation>
    </message>
</context>
<context>
    <name>Colleagues::CommandLine</name>
    <message>
        <source>skills: %1</source>
        <translation>Fähigkeiten: %1</translation>
    </message>
    <message>
        <source>matched: %1</source>
        <translation>gefunden in: %1</translation>
    </message>
    <message>
        <source>also showing results for %1</source>
        <translation>auch Ergebnisse für %1</translation>
    </message>
    <message>
        <source>showing results for %1</source>
        <translation>Ergebnisse für %1</translation>
    </message>
    <message>
        <source>understood: %1</source>
        <translation>verstanden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2–%3 shown</source>
        <translation>%1, %2–%3 angezeigt</translation>
    </message>
    <message>
        <source>departments: %1</source>
        <translation>Abteilungen: %1</translation>
    </message>
    <message>
        <source>locations: %1</source>
        <translation>Standorte: %1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>fehlt: %1</translation>
    </message>
    <message>
        <source>… %1 more</source>
        <translation>… %1 weitere</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>interest</source>
        <translation>Interesse</translation>
    </message>
    <message>
        <source>bio</source>
        <translation>Über mich</translation>
    </message>
    <message numerus="yes">
        <source>leads %n of these</source>
        <translation>
            <numerusform>leitet %n davon</numerusform>
            <numerusform>leitet %n davon</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::ConflictDialog</name>
    <message>
        <source>Your Profile Changed Elsewhere</source>
        <translation>Ihr Profil wurde anderswo geändert</translation>
    </message>
    <message>
        <source>Your profile was changed somewhere else while you were editing it.</source>
        <translation>Ihr Profil wurde an anderer Stelle geändert, während Sie es bearbeitet haben.</translation>
    </message>
    <message>
        <source>Nothing has been overwritten. Choose which version to keep for each field that differs.</source>
        <translation>Nichts wurde überschrieben. Wählen Sie für jedes abweichende Feld, welche Fassung bleiben soll.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Ihre Fassung</translation>
    </message>
    <message>
        <source>Version on the server</source>
        <translation>Fassung auf dem Server</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Keep my %1</source>
        <translation>Mein Feld „%1“ behalten</translation>
    </message>
    <message>
        <source>Take this</source>
        <translation>Diese übernehmen</translation>
    </message>
    <message>
        <source>Take the server&apos;s %1</source>
        <translation>Feld „%1“ vom Server übernehmen</translation>
    </message>
    <message>
        <source>Keep All Mine</source>
        <translation>Alle meine behalten</translation>
    </message>
    <message>
        <source>Take All Theirs</source>
        <translation>Alle vom Server übernehmen</translation>
    </message>
    <message>
        <source>Use My Choices</source>
        <translation>Meine Auswahl verwenden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Führungskraft</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über mich</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interessen</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>%1 (level %2)</source>
        <translation>%1 (Stufe %2)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>Colleagues::ConversationDelegate</name>
    <message>
        <source>You (waiting to send): %1</source>
        <translation>Sie (wartet auf Versand): %1</translation>
    </message>
    <message>
        <source>You (not sent): %1</source>
        <translation>Sie (nicht gesendet): %1</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Colleagues::ConversationsModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Group · %n people</source>
        <translation>
            <numerusform>Gruppe · %n Person</numerusform>
            <numerusform>Gruppe · %n Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Question · you left</source>
        <translation>Frage · verlassen</translation>
    </message>
    <message>
        <source>Question · answered</source>
        <translation>Frage · beantwortet</translation>
    </message>
    <message>
        <source>Question · open</source>
        <translation>Frage · offen</translation>
    </message>
</context>
<context>
    <name>Colleagues::ConversationsPanel</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>New Group…</source>
        <translation>Neue Gruppe…</translation>
    </message>
    <message>
        <source>A conversation with a few colleagues at once</source>
        <translation>Eine Unterhaltung mit mehreren Kolleginnen und Kollegen zugleich</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>Alle Unterhaltungen</translation>
    </message>
    <message>
        <source>Open questions I asked</source>
        <translation>Offene Fragen von mir</translation>
    </message>
    <message>
        <source>Open questions asked of me</source>
        <translation>Offene Fragen an mich</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>No conversations yet.

Find someone under People and press Message — you can write even while offline.</source>
        <translation>Noch keine Unterhaltungen.

Finden Sie jemanden unter Personen und klicken Sie auf Nachricht – Sie können auch offline schreiben.</translation>
    </message>
</context>
<context>
    <name>Colleagues::CropArea</name>
    <message>
        <source>Photo crop area</source>
        <translation>Bildausschnitt des Fotos</translation>
    </message>
</context>
<context>
    <name>Colleagues::DesktopApp</name>
    <message>
        <source>The local directory cannot be opened: %1</source>
        <translation>Das lokale Verzeichnis kann nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>Colleagues::FilterButton</name>
    <message>
        <source>Any %1</source>
        <translation>%1: alle</translation>
    </message>
    <message>
        <source>No values in these results</source>
        <translation>Keine Werte in diesen Ergebnissen</translation>
    </message>
    <message numerus="yes">
        <source>%n more not shown — type to narrow</source>
        <translation>
            <numerusform>%n weiterer nicht angezeigt – tippen Sie, um einzugrenzen</numerusform>
            <numerusform>%n weitere nicht angezeigt – tippen Sie, um einzugrenzen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n selected</source>
        <translation>
            <numerusform>%1: %n ausgewählt</numerusform>
            <numerusform>%1: %n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by %1</source>
        <translation>Nach %1 filtern</translation>
    </message>
</context>
<context>
    <name>Colleagues::LevelChart</name>
    <message>
        <source>other match</source>
        <translation>anderer Treffer</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>Stufe %1</translation>
    </message>
</context>
<context>
    <name>Colleagues::LocalTime</name>
    <message>
        <source>same time as you</source>
        <translation>gleiche Uhrzeit wie bei Ihnen</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:%2 hours</source>
        <translation>%1:%2 Stunden</translation>
    </message>
    <message>
        <source>%1 ahead of you</source>
        <translation>%1 vor Ihnen</translation>
    </message>
    <message>
        <source>%1 behind you</source>
        <translation>%1 hinter Ihnen</translation>
    </message>
    <message>
        <source>%1 (%2, %3), %4</source>
        <translation>%1 (%2, %3), %4</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>Colleagues::MainWindow</name>
    <message>
        <source>Colleagues</source>
        <translation>Colleagues</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>My Profile</source>
        <translation>Mein Profil</translation>
    </message>
    <message>
        <source>No keychain is available: you stay signed in until Colleagues quits. Settings can keep your sign-in in a private file.</source>
        <translation>Kein Schlüsselbund verfügbar: Sie bleiben angemeldet, bis Colleagues beendet wird. In den Einstellungen kann die Anmeldung in einer privaten Datei aufbewahrt werden.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>A&amp;bmelden</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Find People</source>
        <translation>Personen &amp;finden</translation>
    </message>
    <message>
        <source>&amp;Message Selected Person</source>
        <translation>&amp;Nachricht an ausgewählte Person</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>&amp;Suchsyntax</translation>
    </message>
    <message>
        <source>&amp;About Colleagues</source>
        <translation>Über &amp;Colleagues</translation>
    </message>
    <message>
        <source>Choose a person to see their profile.</source>
        <translation>Wählen Sie eine Person, um ihr Profil zu sehen.</translation>
    </message>
    <message>
        <source>Choose a conversation, or find someone and press Message.</source>
        <translation>Wählen Sie eine Unterhaltung, oder finden Sie jemanden und klicken Sie auf Nachricht.</translation>
    </message>
    <message>
        <source>Sign in to edit your profile.</source>
        <translation>Melden Sie sich an, um Ihr Profil zu bearbeiten.</translation>
    </message>
    <message numerus="yes">
        <source>Messages — %n unread</source>
        <translation>
            <numerusform>Nachrichten – %n ungelesen</numerusform>
            <numerusform>Nachrichten – %n ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Messages, %n unread</source>
        <translation>
            <numerusform>Nachrichten, %n ungelesen</numerusform>
            <numerusform>Nachrichten, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Colleagues (%1)</source>
        <translation>Colleagues (%1)</translation>
    </message>
    <message>
        <source>Sign &amp;Out %1</source>
        <translation>%1 a&amp;bmelden</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>Abmelden?</translation>
    </message>
    <message>
        <source>Sign out of Colleagues? The directory stays on this computer; messages waiting to be sent go out after you sign in again.</source>
        <translation>Von Colleagues abmelden? Das Verzeichnis bleibt auf diesem Computer; wartende Nachrichten werden gesendet, sobald Sie sich wieder anmelden.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again — nothing you wrote is lost.</source>
        <translation>Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an – nichts, was Sie geschrieben haben, geht verloren.</translation>
    </message>
    <message>
        <source>Search Syntax</source>
        <translation>Suchsyntax</translation>
    </message>
    <message>
        <source>How to search</source>
        <translation>So suchen Sie</translation>
    </message>
    <message>
        <source>About Colleagues</source>
        <translation>Über Colleagues</translation>
    </message>
    <message>
        <source>Colleagues %1

Find the colleague who knows, and message them.</source>
        <translation>Colleagues %1

Finden Sie die Kollegin oder den Kollegen, die es wissen, und schreiben Sie ihnen.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Your profile has changes you have not saved. Close anyway?</source>
        <translation>Ihr Profil hat ungespeicherte Änderungen. Trotzdem schließen?</translation>
    </message>
    <message>
        <source>Change &amp;Password…</source>
        <translation>&amp;Passwort ändern …</translation>
    </message>
    <message>
        <source>Your password was changed. Your other devices are signed out.</source>
        <translation>Ihr Passwort wurde geändert. Ihre anderen Geräte sind abgemeldet.</translation>
    </message>
    <message>
        <source>Your password is still the one your administrator set. Change it with File › Change Password…</source>
        <translation>Ihr Passwort ist noch das vom Administrator festgelegte. Ändern Sie es unter Datei › Passwort ändern …</translation>
    </message>
    <message>
        <source>Org Chart</source>
        <translation>Organigramm</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Your status: %1. Click to change it.</source>
        <translation>Ihr Status: %1. Klicken Sie, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>Your status: %1</source>
        <translation>Ihr Status: %1</translation>
    </message>
    <message>
        <source>Sign in to start a group.</source>
        <translation>Melden Sie sich an, um eine Gruppe zu beginnen.</translation>
    </message>
</context>
<context>
    <name>Colleagues::NewConversationDialog</name>
    <message>
        <source>Ask These People</source>
        <translation>Diese Personen fragen</translation>
    </message>
    <message>
        <source>New Group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>One question to the people best placed to answer. Everyone sees every answer, so nobody repeats one; you mark the answer that solved it.</source>
        <translation>Eine Frage an die Personen, die sie am besten beantworten können. Alle sehen jede Antwort, so wiederholt niemand eine; Sie markieren die Antwort, die Ihre Frage gelöst hat.</translation>
    </message>
    <message>
        <source>A conversation with a few colleagues: everyone sees every message.</source>
        <translation>Eine Unterhaltung mit einigen Kolleginnen und Kollegen: Alle sehen jede Nachricht.</translation>
    </message>
    <message>
        <source>Ask the top</source>
        <translation>Die besten</translation>
    </message>
    <message>
        <source>How many people to ask</source>
        <translation>Wie viele Personen gefragt werden</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>People in the conversation</source>
        <translation>Personen in der Unterhaltung</translation>
    </message>
    <message>
        <source>Add Someone…</source>
        <translation>Jemanden hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Question title</source>
        <translation>Titel der Frage</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Name der Gruppe</translation>
    </message>
    <message>
        <source>In one line: what do you need to know?</source>
        <translation>In einer Zeile: Was möchten Sie wissen?</translation>
    </message>
    <message>
        <source>What the group is about</source>
        <translation>Worum es in der Gruppe geht</translation>
    </message>
    <message>
        <source>Question text</source>
        <translation>Text der Frage</translation>
    </message>
    <message>
        <source>First message</source>
        <translation>Erste Nachricht</translation>
    </message>
    <message>
        <source>The details: what you tried, what you need, by when.</source>
        <translation>Die Einzelheiten: was Sie versucht haben, was Sie brauchen, bis wann.</translation>
    </message>
    <message>
        <source>A first message (optional).</source>
        <translation>Eine erste Nachricht (optional).</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Create Group</source>
        <translation>Gruppe erstellen</translation>
    </message>
    <message>
        <source>of the people found for “%1”</source>
        <translation>der für „%1“ gefundenen Personen fragen</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1 (bis %2)</translation>
    </message>
    <message>
        <source>Left out, out of office: %1</source>
        <translation>Ausgelassen, weil abwesend: %1</translation>
    </message>
    <message>
        <source>Add Someone</source>
        <translation>Jemanden hinzufügen</translation>
    </message>
</context>
<context>
    <name>Colleagues::NotMeDialog</name>
    <message>
        <source>Not Me</source>
        <translation>Nicht ich</translation>
    </message>
    <message>
        <source>Leave “%1”?</source>
        <translation>„%1“ verlassen?</translation>
    </message>
    <message>
        <source>You leave the question quietly and get nothing more of it. If you know who could answer, suggest them: they are added and see the conversation so far.</source>
        <translation>Sie verlassen die Frage still und erhalten nichts mehr davon. Wenn Sie wissen, wer antworten könnte, schlagen Sie die Person vor: Sie wird hinzugefügt und sieht die bisherige Unterhaltung.</translation>
    </message>
    <message>
        <source>Suggest a colleague who may know</source>
        <translation>Jemanden vorschlagen, der es wissen könnte</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Leave and Suggest %1</source>
        <translation>Verlassen und %1 vorschlagen</translation>
    </message>
</context>
<context>
    <name>Colleagues::Notifier</name>
    <message>
        <source>%1 asks you: %2</source>
        <translation>%1 fragt Sie: %2</translation>
    </message>
    <message>
        <source>%1 in “%2”</source>
        <translation>%1 in „%2“</translation>
    </message>
</context>
<context>
    <name>Colleagues::OrgChartView</name>
    <message>
        <source>Org chart</source>
        <translation>Organigramm</translation>
    </message>
</context>
<context>
    <name>Colleagues::OrgModel</name>
    <message>
        <source>%1 reports to %2, who is not in the directory</source>
        <translation>%1 ist %2 unterstellt, aber %2 ist nicht im Verzeichnis</translation>
    </message>
    <message>
        <source>Reporting cycle: %1</source>
        <translation>Kreis in der Berichtslinie: %1</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere Person</numerusform>
            <numerusform>und %n weitere Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Show everyone who reports to %1</source>
        <translation>Alle anzeigen, die %1 direkt unterstellt sind</translation>
    </message>
</context>
<context>
    <name>Colleagues::OrgPanel</name>
    <message>
        <source>Zoom out (Ctrl+minus)</source>
        <translation>Verkleinern (Strg+Minus)</translation>
    </message>
    <message>
        <source>Actual size (Ctrl+0)</source>
        <translation>Originalgröße (Strg+0)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+plus)</source>
        <translation>Vergrößern (Strg+Plus)</translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation>Organigramm</translation>
    </message>
    <message>
        <source>No one is in the local directory yet.</source>
        <translation>Im lokalen Verzeichnis ist noch niemand.</translation>
    </message>
    <message>
        <source>Org chart of %1</source>
        <translation>Organigramm von %1</translation>
    </message>
    <message numerus="yes">
        <source>%n direct report(s)</source>
        <translation>
            <numerusform>%n direkt unterstellte Person</numerusform>
            <numerusform>%n direkt unterstellte Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people in the team</source>
        <translation>
            <numerusform>%n Person im Team</numerusform>
            <numerusform>%n Personen im Team</numerusform>
        </translation>
    </message>
    <message>
        <source>No one reports to %1.</source>
        <translation>%1 ist niemand unterstellt.</translation>
    </message>
</context>
<context>
    <name>Colleagues::OutOfOfficeDialog</name>
    <message>
        <source>Out of Office</source>
        <translation>Abwesenheit</translation>
    </message>
    <message>
        <source>While you are away, people who open a conversation with you see your note and can write to your stand-in instead.</source>
        <translation>Während Sie abwesend sind, sehen alle, die ein Gespräch mit Ihnen öffnen, Ihre Notiz und können stattdessen Ihrer Vertretung schreiben.</translation>
    </message>
    <message>
        <source>&amp;First day:</source>
        <translation>&amp;Erster Tag:</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>&amp;Letzter Tag:</translation>
    </message>
    <message>
        <source>For example: Back on 5 January. For billing, ask Ada.</source>
        <translation>Zum Beispiel: Ab 5. Januar wieder da. Zur Abrechnung fragen Sie bitte Ada.</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>Namen eingeben</translation>
    </message>
    <message>
        <source>&amp;Stand-in:</source>
        <translation>&amp;Vertretung:</translation>
    </message>
    <message>
        <source>Set Out of Office</source>
        <translation>Abwesenheit eintragen</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Der letzte Tag liegt vor dem ersten.</translation>
    </message>
    <message>
        <source>The last day has passed.</source>
        <translation>Der letzte Tag ist schon vorbei.</translation>
    </message>
    <message>
        <source>An absence can last at most a year.</source>
        <translation>Eine Abwesenheit kann höchstens ein Jahr dauern.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation>Die Notiz ist %1 Zeichen lang; höchstens %2 sind möglich.</translation>
    </message>
</context>
<context>
    <name>Colleagues::Outbox</name>
    <message>
        <source>A photo must be a JPEG or PNG image.</source>
        <translation>Ein Foto muss ein JPEG- oder PNG-Bild sein.</translation>
    </message>
    <message>
        <source>A photo must be at most 8 MiB.</source>
        <translation>Ein Foto darf höchstens 8 MiB groß sein.</translation>
    </message>
    <message>
        <source>Your profile was changed elsewhere since you started editing. Choose which version to keep.</source>
        <translation>Ihr Profil wurde anderswo geändert, seit Sie mit der Bearbeitung begonnen haben. Wählen Sie, welche Fassung bleiben soll.</translation>
    </message>
    <message>
        <source>Suggest someone else: you are the one leaving.</source>
        <translation>Schlagen Sie jemand anderen vor: Sie verlassen die Frage selbst.</translation>
    </message>
    <message>
        <source>Only a message the server has can be marked as the answer.</source>
        <translation>Nur eine Nachricht, die der Server schon hat, kann als Antwort markiert werden.</translation>
    </message>
    <message>
        <source>This change cannot be sent: it is not valid.</source>
        <translation>Diese Änderung kann nicht gesendet werden: Sie ist ungültig.</translation>
    </message>
</context>
<context>
    <name>Colleagues::PeoplePanel</name>
    <message>
        <source>People found</source>
        <translation>Gefundene Personen</translation>
    </message>
    <message>
        <source>Search people, skills, teams, places…</source>
        <translation>Personen, Fähigkeiten, Teams, Orte suchen …</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Personen suchen</translation>
    </message>
    <message>
        <source>Results update as you type. Up and Down move through them, Enter opens one.</source>
        <translation>Die Ergebnisse erscheinen beim Tippen. Mit Auf und Ab wechseln Sie zwischen ihnen, Eingabe öffnet eines.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Search exactly as typed</source>
        <translation>Genau wie eingegeben suchen</translation>
    </message>
    <message>
        <source>Find the colleague who knows</source>
        <translation>Finden Sie die Kollegin oder den Kollegen, die es wissen</translation>
    </message>
    <message>
        <source>Type a skill, a name, a team or a place. Results appear as you type, and typos are forgiven.</source>
        <translation>Tippen Sie eine Fähigkeit, einen Namen, ein Team oder einen Ort. Ergebnisse erscheinen beim Tippen, Tippfehler werden verziehen.</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>Probieren Sie</translation>
    </message>
    <message>
        <source>Search for %1</source>
        <translation>Nach %1 suchen</translation>
    </message>
    <message>
        <source>Filters you can type</source>
        <translation>Filter, die Sie tippen können</translation>
    </message>
    <message>
        <source>has the skill (skill:python, skill:&quot;machine learning&quot;)</source>
        <translation>hat die Fähigkeit (skill:python, skill:&quot;machine learning&quot;)</translation>
    </message>
    <message>
        <source>a matching skill at level N or above (1 to 5)</source>
        <translation>eine passende Fähigkeit auf Stufe N oder höher (1 bis 5)</translation>
    </message>
    <message>
        <source>works in the department (dept:sales)</source>
        <translation>arbeitet in der Abteilung (dept:sales)</translation>
    </message>
    <message>
        <source>works in the place (location:&quot;são paulo&quot;)</source>
        <translation>arbeitet am Ort (location:&quot;são paulo&quot;)</translation>
    </message>
    <message>
        <source>↑ ↓ move through results · Enter opens a profile · Ctrl+Enter writes a message · Ctrl+K comes back here</source>
        <translation>↑ ↓ wechselt zwischen Ergebnissen · Eingabe öffnet ein Profil · Strg+Eingabe schreibt eine Nachricht · Strg+K kehrt hierher zurück</translation>
    </message>
    <message>
        <source>• Check the spelling, or type only the start of a word
• Use fewer words: every word has to match
• Search for a skill or a team rather than a job title
• Remove a filter such as level&gt;=4 or location:</source>
        <translation>• Prüfen Sie die Schreibweise, oder tippen Sie nur den Anfang eines Wortes
• Verwenden Sie weniger Wörter: Jedes Wort muss passen
• Suchen Sie eher nach einer Fähigkeit oder einem Team als nach einer Position
• Entfernen Sie einen Filter wie level&gt;=4 oder location:</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>Suche und Filter zurücksetzen</translation>
    </message>
    <message>
        <source>%1 is not in the directory (any more).</source>
        <translation>%1 ist nicht (mehr) im Verzeichnis.</translation>
    </message>
    <message>
        <source>%1 — from “%2”</source>
        <translation>%1 — aus „%2“</translation>
    </message>
    <message>
        <source>Searched exactly as typed.</source>
        <translation>Genau wie eingegeben gesucht.</translation>
    </message>
    <message>
        <source>Understand my words</source>
        <translation>Meine Worte verstehen</translation>
    </message>
    <message numerus="yes">
        <source>%n people in the directory</source>
        <translation>
            <numerusform>%n Person im Verzeichnis</numerusform>
            <numerusform>%n Personen im Verzeichnis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing results for %1</source>
        <translation>Ergebnisse für %1</translation>
    </message>
    <message>
        <source>No one matches “%1”</source>
        <translation>Niemand passt zu „%1“</translation>
    </message>
    <message>
        <source>No one matches these filters</source>
        <translation>Niemand passt zu diesen Filtern</translation>
    </message>
    <message>
        <source>Save Contact</source>
        <translation>Kontakt speichern</translation>
    </message>
    <message>
        <source>Contact cards (*.vcf)</source>
        <translation>Kontaktkarten (*.vcf)</translation>
    </message>
    <message>
        <source>Saved %1&apos;s contact to %2</source>
        <translation>Kontakt von %1 unter %2 gespeichert</translation>
    </message>
    <message>
        <source>The contact could not be saved to %1: %2</source>
        <translation>Der Kontakt konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>works under that person, at any level (team:grace)</source>
        <translation>arbeitet unter dieser Person, auf jeder Ebene (team:grace)</translation>
    </message>
    <message>
        <source>reports to that person directly (reports:grace)</source>
        <translation>ist dieser Person direkt unterstellt (reports:grace)</translation>
    </message>
    <message>
        <source>Skill map</source>
        <translation>Kompetenzkarte</translation>
    </message>
    <message>
        <source>Where the people found are, by location and department</source>
        <translation>Wo die gefundenen Personen sind, nach Standort und Abteilung</translation>
    </message>
    <message>
        <source>Available now first</source>
        <translation>Jetzt Erreichbare zuerst</translation>
    </message>
    <message>
        <source>People who are online and neither on do-not-disturb nor out of office come first; everyone else still follows</source>
        <translation>Wer online ist und weder „Bitte nicht stören“ eingestellt hat noch abwesend ist, kommt zuerst; alle anderen folgen danach</translation>
    </message>
    <message>
        <source>Ask These People…</source>
        <translation>Diese Personen fragen…</translation>
    </message>
    <message>
        <source>Send one question to the best matches at once; everyone sees every answer, and you mark the one that solved it</source>
        <translation>Eine Frage zugleich an die besten Treffer senden; alle sehen jede Antwort, und Sie markieren die, die Ihre Frage gelöst hat</translation>
    </message>
    <message>
        <source>Your search asks for the people available now first; without those words, this button decides again</source>
        <translation>Ihre Suche fragt nach denen, die gerade erreichbar sind; ohne diese Wörter entscheidet wieder dieser Knopf</translation>
    </message>
    <message>
        <source>No one is out of office now</source>
        <translation>Gerade ist niemand abwesend</translation>
    </message>
</context>
<context>
    <name>Colleagues::PersonPicker</name>
    <message>
        <source>Find a colleague: a name, a skill, a team…</source>
        <translation>Jemanden finden: ein Name, eine Fähigkeit, ein Team…</translation>
    </message>
    <message>
        <source>Find a colleague</source>
        <translation>Jemanden finden</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Gefundene Personen</translation>
    </message>
</context>
<context>
    <name>Colleagues::PhotoCropDialog</name>
    <message>
        <source>Crop Your Photo</source>
        <translation>Foto zuschneiden</translation>
    </message>
    <message>
        <source>Drag the circle over your face. The wheel or the slider changes its size.</source>
        <translation>Ziehen Sie den Kreis über Ihr Gesicht. Mausrad oder Schieberegler ändern seine Größe.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Crop size</source>
        <translation>Ausschnittgröße</translation>
    </message>
    <message>
        <source>Use Photo</source>
        <translation>Foto verwenden</translation>
    </message>
</context>
<context>
    <name>Colleagues::PickPersonDialog</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
</context>
<context>
    <name>Colleagues::ProfileEditor</name>
    <message>
        <source>Edit my profile</source>
        <translation>Mein Profil bearbeiten</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Forget the changes you have not saved</source>
        <translation>Ungespeicherte Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>Speichern (%1)</translation>
    </message>
    <message>
        <source>Choose Photo…</source>
        <translation>Foto wählen …</translation>
    </message>
    <message>
        <source>JPEG or PNG; you can crop it to a square.</source>
        <translation>JPEG oder PNG; Sie können es quadratisch zuschneiden.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Your full name</source>
        <translation>Ihr vollständiger Name</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>e.g. Site Reliability Engineer</source>
        <translation>z. B. Site Reliability Engineer</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Abteilung:</translation>
    </message>
    <message>
        <source>e.g. Data Platform</source>
        <translation>z. B. Data Platform</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Standort:</translation>
    </message>
    <message>
        <source>e.g. Berlin</source>
        <translation>z. B. Berlin</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>+49 30 1234567</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interessen</translation>
    </message>
    <message>
        <source>New interest</source>
        <translation>Neues Interesse</translation>
    </message>
    <message>
        <source>Add an interest, e.g. climbing</source>
        <translation>Interesse hinzufügen, z. B. Klettern</translation>
    </message>
    <message>
        <source>Add interest</source>
        <translation>Interesse hinzufügen</translation>
    </message>
    <message>
        <source>Your interests</source>
        <translation>Ihre Interessen</translation>
    </message>
    <message>
        <source>Remove Interest</source>
        <translation>Interesse entfernen</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Über Sie</translation>
    </message>
    <message>
        <source>What you work on, what you can help with, how to reach you best.</source>
        <translation>Woran Sie arbeiten, wobei Sie helfen können, wie man Sie am besten erreicht.</translation>
    </message>
    <message>
        <source>Saved. Everyone sees your changes.</source>
        <translation>Gespeichert. Alle sehen Ihre Änderungen.</translation>
    </message>
    <message>
        <source>Last changed %1</source>
        <translation>Zuletzt geändert %1</translation>
    </message>
    <message>
        <source>Your profile has not reached this computer yet; what you save is sent when you are online.</source>
        <translation>Ihr Profil ist noch nicht auf diesem Computer angekommen; was Sie speichern, wird gesendet, sobald Sie online sind.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Type an interest first.</source>
        <translation>Tippen Sie zuerst ein Interesse.</translation>
    </message>
    <message>
        <source>You can list at most %1 interests.</source>
        <translation>Sie können höchstens %1 Interessen angeben.</translation>
    </message>
    <message>
        <source>%1 is already in your interests.</source>
        <translation>%1 steht bereits in Ihren Interessen.</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Bilder (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Choose a Photo</source>
        <translation>Foto wählen</translation>
    </message>
    <message>
        <source>Cannot Use This Picture</source>
        <translation>Dieses Bild kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>The picture could not be read (%1). Choose a JPEG or PNG file.</source>
        <translation>Das Bild konnte nicht gelesen werden (%1). Wählen Sie eine JPEG- oder PNG-Datei.</translation>
    </message>
    <message>
        <source>Some fields need attention before saving.</source>
        <translation>Einige Felder müssen vor dem Speichern korrigiert werden.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Waiting to send — will try again by itself (%1)</source>
        <translation>Wartet auf Versand – wird automatisch erneut versucht (%1)</translation>
    </message>
    <message>
        <source>Waiting to send…</source>
        <translation>Wartet auf Versand …</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Your profile changed elsewhere — choose what to keep.</source>
        <translation>Ihr Profil wurde anderswo geändert – wählen Sie, was bleiben soll.</translation>
    </message>
    <message>
        <source>Visible to:</source>
        <translation>Sichtbar für:</translation>
    </message>
</context>
<context>
    <name>Colleagues::ProfilePane</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Department and location</source>
        <translation>Abteilung und Standort</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Edit my profile</source>
        <translation>Mein Profil bearbeiten</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Copy email address</source>
        <translation>E-Mail-Adresse kopieren</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Copy phone number</source>
        <translation>Telefonnummer kopieren</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Führungskraft</translation>
    </message>
    <message>
        <source>Direct reports</source>
        <translation>Direkt unterstellt</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interessen</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über mich</translation>
    </message>
    <message>
        <source>Open the profile of %1</source>
        <translation>Profil von %1 öffnen</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>Profile updated %1</source>
        <translation>Profil aktualisiert %1</translation>
    </message>
    <message>
        <source>Time zone not given</source>
        <translation>Zeitzone nicht angegeben</translation>
    </message>
    <message>
        <source>Unknown time zone %1</source>
        <translation>Unbekannte Zeitzone %1</translation>
    </message>
    <message>
        <source>%1 copied</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Save Contact…</source>
        <translation>Kontakt speichern…</translation>
    </message>
    <message>
        <source>Save as a contact card (.vcf) for your address book</source>
        <translation>Als Kontaktkarte (.vcf) für Ihr Adressbuch speichern</translation>
    </message>
    <message>
        <source>Save %1 as a contact</source>
        <translation>%1 als Kontakt speichern</translation>
    </message>
    <message>
        <source>Show in org chart</source>
        <translation>Im Organigramm zeigen</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Out of office from %1 to %2</source>
        <translation>Abwesend vom %1 bis %2</translation>
    </message>
    <message>
        <source>Stand-in: %1</source>
        <translation>Vertretung: %1</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Status ändern …</translation>
    </message>
</context>
<context>
    <name>Colleagues::ResultDelegate</name>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Local time: %1</source>
        <translation>Ortszeit: %1</translation>
    </message>
    <message>
        <source>Mentioned in their bio</source>
        <translation>In der Beschreibung erwähnt</translation>
    </message>
    <message>
        <source>Username %1</source>
        <translation>Benutzername %1</translation>
    </message>
    <message>
        <source>lacks %1</source>
        <translation>ohne %1</translation>
    </message>
    <message>
        <source>Their phone number</source>
        <translation>Laut Telefonnummer</translation>
    </message>
    <message>
        <source>Their email address</source>
        <translation>Laut E-Mail-Adresse</translation>
    </message>
    <message numerus="yes">
        <source>leads %Ln of these</source>
        <translation>
            <numerusform>leitet %Ln davon</numerusform>
            <numerusform>leitet %Ln davon</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::ResultsModel</name>
    <message>
        <source>%1 level %2</source>
        <translation>%1 Stufe %2</translation>
    </message>
    <message>
        <source>lacks %1</source>
        <translation>ohne %1</translation>
    </message>
    <message numerus="yes">
        <source>leads %Ln of these</source>
        <translation>
            <numerusform>leitet %Ln davon</numerusform>
            <numerusform>leitet %Ln davon</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::SearchEngine</name>
    <message>
        <source>the search failed: %1</source>
        <translation>die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the search index is not available</source>
        <translation>der Suchindex ist nicht verfügbar</translation>
    </message>
    <message>
        <source>the local store is not open</source>
        <translation>der lokale Speicher ist nicht geöffnet</translation>
    </message>
    <message>
        <source>your profile (%1) is not in the directory yet</source>
        <translation>Ihr Profil (%1) ist noch nicht im Verzeichnis</translation>
    </message>
    <message>
        <source>your profile names no department</source>
        <translation>Ihr Profil nennt keine Abteilung</translation>
    </message>
    <message>
        <source>your profile names no manager</source>
        <translation>Ihr Profil nennt keine Führungskraft</translation>
    </message>
    <message>
        <source>your manager (%1) is not in the directory yet</source>
        <translation>Ihre Führungskraft (%1) ist noch nicht im Verzeichnis</translation>
    </message>
    <message>
        <source>your manager (%1) names no manager</source>
        <translation>Ihre Führungskraft (%1) nennt keine eigene Führungskraft</translation>
    </message>
    <message>
        <source>your manager&apos;s manager (%1) is not in the directory yet</source>
        <translation>die Führungskraft Ihrer Führungskraft (%1) ist noch nicht im Verzeichnis</translation>
    </message>
    <message>
        <source>the org chart is not available</source>
        <translation>das Organigramm ist nicht verfügbar</translation>
    </message>
    <message>
        <source>no one called &quot;%1&quot; is in the directory</source>
        <translation>niemand namens „%1“ ist im Verzeichnis</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere Person</numerusform>
            <numerusform>%1 und %n weitere Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>no one with the username %1 is in the directory</source>
        <translation>niemand mit dem Benutzernamen %1 ist im Verzeichnis</translation>
    </message>
    <message>
        <source>no one reports to %1, whose profile names no manager</source>
        <translation>niemand berichtet an %1, und das Profil nennt keine Führungskraft</translation>
    </message>
    <message>
        <source>the profile of %1 names no manager</source>
        <translation>das Profil von %1 nennt keine Führungskraft</translation>
    </message>
    <message>
        <source>the manager of %1 (%2) is not in the directory yet</source>
        <translation>die Führungskraft von %1 (%2) ist noch nicht im Verzeichnis</translation>
    </message>
    <message>
        <source>reports:USERNAME</source>
        <translation>reports:BENUTZERNAME</translation>
    </message>
    <message>
        <source>team:USERNAME</source>
        <translation>team:BENUTZERNAME</translation>
    </message>
    <message>
        <source>their username</source>
        <translation>den Benutzernamen</translation>
    </message>
    <message numerus="yes">
        <source>%n people called &quot;%1&quot;: %2; say more of the name, or use %3</source>
        <translation>
            <numerusform>%n Person namens „%1“: %2; nennen Sie mehr vom Namen oder nutzen Sie %3</numerusform>
            <numerusform>%n Personen namens „%1“: %2; nennen Sie mehr vom Namen oder nutzen Sie %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people called &quot;%1&quot; have reports: %2; say more of the name, or use %3</source>
        <translation>
            <numerusform>%n Person namens „%1“ hat Mitarbeitende: %2; nennen Sie mehr vom Namen oder nutzen Sie %3</numerusform>
            <numerusform>%n Personen namens „%1“ haben Mitarbeitende: %2; nennen Sie mehr vom Namen oder nutzen Sie %3</numerusform>
        </translation>
    </message>
    <message>
        <source>no one in the directory has the title &quot;%1&quot;</source>
        <translation>niemand im Verzeichnis hat den Titel „%1“</translation>
    </message>
    <message numerus="yes">
        <source>%n people have the title &quot;%1&quot;: %2; use %3</source>
        <translation>
            <numerusform>%n Person hat den Titel „%1“: %2; nutzen Sie %3</numerusform>
            <numerusform>%n Personen haben den Titel „%1“: %2; nutzen Sie %3</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;my team&quot;, &quot;my manager&quot;, &quot;near me&quot; and the like need to know who you are: sign in first</source>
        <translation>„mein Team“, „mein Chef“, „in meiner Nähe“ und dergleichen setzen voraus, dass bekannt ist, wer Sie sind: Melden Sie sich zuerst an</translation>
    </message>
    <message>
        <source>your profile names no location</source>
        <translation>Ihr Profil nennt keinen Standort</translation>
    </message>
</context>
<context>
    <name>Colleagues::SearchQuery</name>
    <message>
        <source>only words, skill:, dept: and location: can be left out with a &quot;-&quot; (as in python -java)</source>
        <translation>nur Wörter, skill:, dept: und location: lassen sich mit „-“ ausschließen (wie in python -java)</translation>
    </message>
    <message>
        <source>available: takes yes or no, as in available:yes</source>
        <translation>available: erwartet ja oder nein, wie in available:ja</translation>
    </message>
    <message>
        <source>level must be a number from 1 to 5, as in level&gt;=4</source>
        <translation>level muss eine Zahl von 1 bis 5 sein, wie in level&gt;=4</translation>
    </message>
</context>
<context>
    <name>Colleagues::SearchWorker</name>
    <message>
        <source>The local directory cannot be opened.</source>
        <translation>Das lokale Verzeichnis kann nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>Colleagues::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Show a desktop notification for new messages while Colleagues is in the background</source>
        <translation>Bei neuen Nachrichten eine Desktop-Benachrichtigung zeigen, während Colleagues im Hintergrund ist</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Angemeldet als:</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>in the system keychain</source>
        <translation>im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>in a private file (%1)</source>
        <translation>in einer privaten Datei (%1)</translation>
    </message>
    <message>
        <source>only until Colleagues quits (no keychain available)</source>
        <translation>nur bis Colleagues beendet wird (kein Schlüsselbund verfügbar)</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>nicht aufbewahrt</translation>
    </message>
    <message>
        <source>Sign-in kept:</source>
        <translation>Anmeldung aufbewahrt:</translation>
    </message>
    <message>
        <source>Local data:</source>
        <translation>Lokale Daten:</translation>
    </message>
    <message>
        <source>Where no keychain is available, keep my sign-in in a private file (readable only by me) so I stay signed in</source>
        <translation>Wo kein Schlüsselbund verfügbar ist, meine Anmeldung in einer privaten Datei (nur für mich lesbar) aufbewahren, damit ich angemeldet bleibe</translation>
    </message>
    <message>
        <source>Your password is never stored. The directory and your messages are kept on this computer so Colleagues works offline.</source>
        <translation>Ihr Passwort wird nie gespeichert. Das Verzeichnis und Ihre Nachrichten werden auf diesem Computer aufbewahrt, damit Colleagues auch offline funktioniert.</translation>
    </message>
</context>
<context>
    <name>Colleagues::ShortcutsDialog</name>
    <message>
        <source>Finding people</source>
        <translation>Personen finden</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>Go to the search field</source>
        <translation>Zum Suchfeld</translation>
    </message>
    <message>
        <source>Up / Down, Page Up / Page Down</source>
        <translation>Auf / Ab, Bild auf / Bild ab</translation>
    </message>
    <message>
        <source>Move through the results from the search field</source>
        <translation>Vom Suchfeld aus durch die Ergebnisse gehen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Open the selected person&apos;s profile</source>
        <translation>Profil der ausgewählten Person öffnen</translation>
    </message>
    <message>
        <source>Write a message to the selected person</source>
        <translation>Der ausgewählten Person eine Nachricht schreiben</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Umschalt+Eingabe</translation>
    </message>
    <message>
        <source>Start a new line</source>
        <translation>Neue Zeile beginnen</translation>
    </message>
    <message>
        <source>Copy the selected message</source>
        <translation>Ausgewählte Nachricht kopieren</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>My profile</source>
        <translation>Mein Profil</translation>
    </message>
    <message>
        <source>Save my profile (while editing it)</source>
        <translation>Mein Profil speichern (beim Bearbeiten)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>Diese Liste der Tastenkürzel</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation>Organigramm</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>Pfeil hoch / runter</translation>
    </message>
    <message>
        <source>Move from card to card</source>
        <translation>Von Karte zu Karte wechseln</translation>
    </message>
    <message>
        <source>Left / Right</source>
        <translation>Pfeil links / rechts</translation>
    </message>
    <message>
        <source>Go to the manager / expand the team or go to the first report</source>
        <translation>Zur Führungskraft / Team aufklappen oder zur ersten unterstellten Person</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>Expand or collapse the team</source>
        <translation>Team auf- oder zuklappen</translation>
    </message>
    <message>
        <source>Open the profile, or the whole list behind &quot;and N more&quot;</source>
        <translation>Profil öffnen, oder die ganze Liste hinter „und N weitere“</translation>
    </message>
    <message>
        <source>%1 / %2 / %3</source>
        <translation>%1 / %2 / %3</translation>
    </message>
    <message>
        <source>Zoom in / out / actual size</source>
        <translation>Vergrößern / verkleinern / Originalgröße</translation>
    </message>
</context>
<context>
    <name>Colleagues::SignInDialog</name>
    <message>
        <source>Sign in to Colleagues</source>
        <translation>Bei Colleagues anmelden</translation>
    </message>
    <message>
        <source>Sign in to your company&apos;s directory</source>
        <translation>Beim Verzeichnis Ihres Unternehmens anmelden</translation>
    </message>
    <message>
        <source>Use the server address and account your administrator gave you.</source>
        <translation>Verwenden Sie die Serveradresse und das Konto, die Sie von Ihrer Administration erhalten haben.</translation>
    </message>
    <message>
        <source>https://colleagues.example.com</source>
        <translation>https://colleagues.example.com</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>e.g. ada</source>
        <translation>z. B. ada</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problem bei der Anmeldung</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>The username or password is not right. Check them and try again.</source>
        <translation>Benutzername oder Passwort stimmen nicht. Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Wait %n minute(s), then try again.</source>
        <translation>
            <numerusform>Zu viele Versuche. Warten Sie %n Minute und versuchen Sie es dann erneut.</numerusform>
            <numerusform>Zu viele Versuche. Warten Sie %n Minuten und versuchen Sie es dann erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Zu viele Versuche. Warten Sie %n Sekunde und versuchen Sie es dann erneut.</numerusform>
            <numerusform>Zu viele Versuche. Warten Sie %n Sekunden und versuchen Sie es dann erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your network connection.</source>
        <translation>Der Server unter %1 ist nicht erreichbar. Prüfen Sie die Adresse und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>Cannot connect securely to %1: its certificate is not trusted or the secure connection failed (%2). Check the address, or ask your administrator.</source>
        <translation>Keine sichere Verbindung zu %1 möglich: Seinem Zertifikat wird nicht vertraut, oder die sichere Verbindung ist fehlgeschlagen (%2). Prüfen Sie die Adresse oder fragen Sie Ihre Administration.</translation>
    </message>
    <message>
        <source>The server at %1 has a problem right now. Try again in a moment.</source>
        <translation>Der Server unter %1 hat gerade ein Problem. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 does not look like a Colleagues server. Check the address.</source>
        <translation>%1 scheint kein Colleagues-Server zu sein. Prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>The server at %1 gave an answer Colleagues does not understand. Check the address.</source>
        <translation>Der Server unter %1 hat eine Antwort gegeben, die Colleagues nicht versteht. Prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>Die Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Enter the server address, for example https://colleagues.example.com.</source>
        <translation>Geben Sie die Serveradresse ein, zum Beispiel https://colleagues.example.com.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
</context>
<context>
    <name>Colleagues::SkillMapWidget</name>
    <message>
        <source>People found by location and skill level</source>
        <translation>Gefundene Personen nach Standort und Stufe</translation>
    </message>
    <message>
        <source>People found by department and skill level</source>
        <translation>Gefundene Personen nach Abteilung und Stufe</translation>
    </message>
    <message>
        <source>By location</source>
        <translation>Nach Standort</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>Nach Abteilung</translation>
    </message>
    <message numerus="yes">
        <source>Where the %n people found are, by the level of their matching skill. Click a bar to filter.</source>
        <translation>
            <numerusform>Wo die %n gefundene Person ist, nach der Stufe der passenden Fähigkeit. Klicken Sie auf einen Balken, um zu filtern.</numerusform>
            <numerusform>Wo die %n gefundenen Personen sind, nach der Stufe ihrer passenden Fähigkeit. Klicken Sie auf einen Balken, um zu filtern.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::SkillsEditor</name>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>What people can ask you about, from 1 (beginner) to 5 (expert). Pick an existing spelling from the list so people find you.</source>
        <translation>Wozu man Sie fragen kann, von 1 (Anfänger) bis 5 (Experte). Wählen Sie eine vorhandene Schreibweise aus der Liste, damit man Sie findet.</translation>
    </message>
    <message>
        <source>New skill</source>
        <translation>Neue Fähigkeit</translation>
    </message>
    <message>
        <source>Add a skill, e.g. Kubernetes</source>
        <translation>Fähigkeit hinzufügen, z. B. Kubernetes</translation>
    </message>
    <message>
        <source>Level of the new skill</source>
        <translation>Stufe der neuen Fähigkeit</translation>
    </message>
    <message>
        <source>Level </source>
        <translation>Stufe </translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add skill</source>
        <translation>Fähigkeit hinzufügen</translation>
    </message>
    <message>
        <source>Your skills</source>
        <translation>Ihre Fähigkeiten</translation>
    </message>
    <message>
        <source>Remove Skill</source>
        <translation>Fähigkeit entfernen</translation>
    </message>
    <message>
        <source>%1 of %2 skills</source>
        <translation>%1 von %2 Fähigkeiten</translation>
    </message>
    <message>
        <source>Profiles call it “%1” — use that name (Enter)</source>
        <translation>Profile nennen es „%1“ – diesen Namen verwenden (Eingabetaste)</translation>
    </message>
    <message>
        <source>Use the name %1</source>
        <translation>Den Namen %1 verwenden</translation>
    </message>
</context>
<context>
    <name>Colleagues::SkillsModel</name>
    <message>
        <source>Type a skill name first.</source>
        <translation>Tippen Sie zuerst den Namen einer Fähigkeit.</translation>
    </message>
    <message>
        <source>A level is from %1 to %2.</source>
        <translation>Eine Stufe liegt zwischen %1 und %2.</translation>
    </message>
    <message>
        <source>%1 is already in your skills.</source>
        <translation>%1 steht bereits in Ihren Fähigkeiten.</translation>
    </message>
    <message>
        <source>You can list at most %1 skills.</source>
        <translation>Sie können höchstens %1 Fähigkeiten angeben.</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Anfänger</translation>
    </message>
    <message>
        <source>Some experience</source>
        <translation>Etwas Erfahrung</translation>
    </message>
    <message>
        <source>Competent</source>
        <translation>Kompetent</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Fortgeschritten</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Experte</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Fähigkeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
</context>
<context>
    <name>Colleagues::StatusBook</name>
    <message>
        <source>Sign in to change your status.</source>
        <translation>Melden Sie sich an, um Ihren Status zu ändern.</translation>
    </message>
    <message>
        <source>Your status cannot be changed while Colleagues is offline; it was not changed. Try again when the server is reachable.</source>
        <translation>Ihr Status kann nicht geändert werden, solange Colleagues offline ist; er wurde nicht geändert. Versuchen Sie es wieder, wenn der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>The stand-in must be another active member of the directory.</source>
        <translation>Die Vertretung muss eine andere aktive Person im Verzeichnis sein.</translation>
    </message>
    <message>
        <source>The end time must be in the future and at most a year ahead.</source>
        <translation>Das Ende muss in der Zukunft und höchstens ein Jahr entfernt liegen.</translation>
    </message>
    <message>
        <source>The out-of-office dates do not work: the first day must not be after the last, the last must not have passed, and the absence can last at most a year.</source>
        <translation>Die Abwesenheitsdaten passen nicht: Der erste Tag darf nicht nach dem letzten liegen, der letzte darf nicht vorbei sein, und die Abwesenheit kann höchstens ein Jahr dauern.</translation>
    </message>
    <message>
        <source>The out-of-office note is too long or has characters that are not allowed (at most 500 characters).</source>
        <translation>Die Abwesenheitsnotiz ist zu lang oder enthält nicht erlaubte Zeichen (höchstens 500 Zeichen).</translation>
    </message>
    <message>
        <source>The status line is too long or has characters that are not allowed (at most 100 characters).</source>
        <translation>Die Statuszeile ist zu lang oder enthält nicht erlaubte Zeichen (höchstens 100 Zeichen).</translation>
    </message>
</context>
<context>
    <name>Colleagues::StatusMenu</name>
    <message>
        <source>My Status</source>
        <translation>Mein Status</translation>
    </message>
    <message>
        <source>&amp;Available</source>
        <translation>&amp;Erreichbar</translation>
    </message>
    <message>
        <source>&amp;Do Not Disturb</source>
        <translation>Bitte &amp;nicht stören</translation>
    </message>
    <message>
        <source>For 1 &amp;Hour</source>
        <translation>Für 1 &amp;Stunde</translation>
    </message>
    <message>
        <source>Until &amp;Tomorrow</source>
        <translation>Bis &amp;morgen</translation>
    </message>
    <message>
        <source>&amp;Until…</source>
        <translation>B&amp;is …</translation>
    </message>
    <message>
        <source>Set a &amp;Status Line…</source>
        <translation>&amp;Statuszeile festlegen …</translation>
    </message>
    <message>
        <source>&amp;Out of Office…</source>
        <translation>&amp;Abwesenheit …</translation>
    </message>
    <message>
        <source>&amp;Clear Status</source>
        <translation>Status &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Your status: %1</source>
        <translation>Ihr Status: %1</translation>
    </message>
    <message>
        <source>Status Not Changed</source>
        <translation>Status nicht geändert</translation>
    </message>
    <message>
        <source>Do Not Disturb</source>
        <translation>Bitte nicht stören</translation>
    </message>
    <message>
        <source>Do not disturb until:</source>
        <translation>Bitte nicht stören bis:</translation>
    </message>
    <message>
        <source>Status Line</source>
        <translation>Statuszeile</translation>
    </message>
    <message>
        <source>What are you working on? (at most %1 characters; empty to remove it)</source>
        <translation>Woran arbeiten Sie gerade? (höchstens %1 Zeichen; leer lassen, um sie zu entfernen)</translation>
    </message>
</context>
<context>
    <name>Colleagues::StatusText</name>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Out of office until %1</source>
        <translation>Abwesend bis %1</translation>
    </message>
    <message>
        <source>Out of office</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Do not disturb until %1</source>
        <translation>Bitte nicht stören bis %1</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Bitte nicht stören</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1 (offline)</source>
        <translation>%1 (offline)</translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1 (inaktiv)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Colleagues::SyncStatusWidget</name>
    <message>
        <source>First sync progress</source>
        <translation>Fortschritt der ersten Synchronisierung</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Offline — showing the directory saved on this computer</source>
        <translation>Offline – das auf diesem Computer gespeicherte Verzeichnis wird angezeigt</translation>
    </message>
    <message>
        <source>Syncing %1 of %2 people</source>
        <translation>Synchronisiere %1 von %2 Personen</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere …</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Server problem — retrying</source>
        <translation>Serverproblem – neuer Versuch läuft</translation>
    </message>
    <message>
        <source>Server problem — retrying (%1)</source>
        <translation>Serverproblem – neuer Versuch läuft (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Änderung wartet auf Versand</numerusform>
            <numerusform>%n Änderungen warten auf Versand</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n nicht gesendet</numerusform>
            <numerusform>%n nicht gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Zuletzt synchronisiert %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
</context>
<context>
    <name>Colleagues::TeamOverviewWidget</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weiterer</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>Time zones</source>
        <translation>Zeitzonen</translation>
    </message>
    <message>
        <source>Most common skills, people per level</source>
        <translation>Häufigste Fähigkeiten, Personen je Stufe</translation>
    </message>
    <message>
        <source>Most common skills of the team, people per level</source>
        <translation>Häufigste Fähigkeiten des Teams, Personen je Stufe</translation>
    </message>
    <message>
        <source>No one reports to %1.</source>
        <translation>%1 ist niemand unterstellt.</translation>
    </message>
    <message>
        <source>Choose a manager to see their team.</source>
        <translation>Wählen Sie eine Führungskraft, um ihr Team zu sehen.</translation>
    </message>
    <message>
        <source>Team of %1</source>
        <translation>Team von %1</translation>
    </message>
    <message numerus="yes">
        <source>%n people in the team</source>
        <translation>
            <numerusform>%n Person im Team</numerusform>
            <numerusform>%n Personen im Team</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::TokenStore</name>
    <message>
        <source>Your sign-in is kept in memory only and ends with this program; use --token-file FILE to keep it in a file only you can read.</source>
        <translation>Ihre Anmeldung wird nur im Arbeitsspeicher gehalten und endet mit diesem Programm; mit --token-file DATEI wird sie in einer nur für Sie lesbaren Datei aufbewahrt.</translation>
    </message>
    <message>
        <source>Cannot write the token file %1: %2</source>
        <translation>Die Token-Datei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The token file %1 can be read by others; it is ignored. Sign in again.</source>
        <translation>Die Token-Datei %1 ist für andere lesbar und wird ignoriert. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Die Token-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot remove the token file %1: %2</source>
        <translation>Die Token-Datei %1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>No keychain service is running on this system.</source>
        <translation>Auf diesem System läuft kein Schlüsselbund-Dienst.</translation>
    </message>
    <message>
        <source>The keychain service did not answer.</source>
        <translation>Der Schlüsselbund-Dienst hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>The keychain could not be used (%1).</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden (%1).</translation>
    </message>
</context>
<context>
    <name>Colleagues::UnderstoodQuery</name>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>ohne %1</translation>
    </message>
    <message>
        <source>not in %1</source>
        <translation>nicht in %1</translation>
    </message>
    <message>
        <source>in your time zone (%1)</source>
        <translation>in Ihrer Zeitzone (%1)</translation>
    </message>
    <message>
        <source>in your team</source>
        <translation>in Ihrem Team</translation>
    </message>
    <message>
        <source>your direct reports</source>
        <translation>Ihre direkten Mitarbeiter</translation>
    </message>
    <message>
        <source>in your team (%1&apos;s reports)</source>
        <translation>in Ihrem Team (bei %1)</translation>
    </message>
    <message>
        <source>your manager (%1)</source>
        <translation>Ihre Führungskraft (%1)</translation>
    </message>
    <message>
        <source>your peers (%1&apos;s reports)</source>
        <translation>Ihre Kolleginnen und Kollegen (bei %1)</translation>
    </message>
    <message>
        <source>your manager&apos;s manager (%1)</source>
        <translation>die Führungskraft Ihrer Führungskraft (%1)</translation>
    </message>
    <message>
        <source>reporting to %1</source>
        <translation>berichtet an %1</translation>
    </message>
    <message>
        <source>in %1&apos;s team</source>
        <translation>im Team von %1</translation>
    </message>
    <message>
        <source>%1&apos;s manager (%2)</source>
        <translation>Führungskraft von %1 (%2)</translation>
    </message>
    <message>
        <source>%1&apos;s peers (%2&apos;s reports)</source>
        <translation>Kolleginnen und Kollegen von %1 (bei %2)</translation>
    </message>
    <message>
        <source>in your department (%1)</source>
        <translation>in Ihrer Abteilung (%1)</translation>
    </message>
    <message>
        <source>at level 5</source>
        <translation>auf Stufe 5</translation>
    </message>
    <message>
        <source>at level %1 or above</source>
        <translation>auf Stufe %1 oder höher</translation>
    </message>
    <message>
        <source>experts first</source>
        <translation>Fachleute zuerst</translation>
    </message>
    <message>
        <source>beginners first</source>
        <translation>Einsteiger zuerst</translation>
    </message>
    <message>
        <source>available now first</source>
        <translation>jetzt Erreichbare zuerst</translation>
    </message>
    <message>
        <source>out of office now</source>
        <translation>gerade abwesend</translation>
    </message>
    <message>
        <source>not out of office</source>
        <translation>nicht abwesend</translation>
    </message>
    <message>
        <source>ignored: %1</source>
        <translation>ignoriert: %1</translation>
    </message>
    <message>
        <source>reporting to %1 (%2&apos;s manager)</source>
        <translation>berichtet an %1 (Führungskraft von %2)</translation>
    </message>
    <message>
        <source>No one matches all of: %1; closest matches</source>
        <translation>Niemand passt zu allem aus: %1; die nächsten Treffer</translation>
    </message>
    <message>
        <source>leaders first</source>
        <translation>Führungskräfte zuerst</translation>
    </message>
    <message>
        <source>reporting to %1 (%2)</source>
        <translation>berichtet an %1 (%2)</translation>
    </message>
    <message>
        <source>in %1&apos;s team (%2)</source>
        <translation>im Team von %1 (%2)</translation>
    </message>
    <message>
        <source>at your location (%1)</source>
        <translation>an Ihrem Standort (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>with the departments under %1: %2</source>
        <translation>mit den Abteilungen unter %1: %2</translation>
    </message>
    <message>
        <source>nothing asked for yet: add a skill, a name, a team or a place</source>
        <translation>noch nichts gefragt: nennen Sie eine Fähigkeit, einen Namen, ein Team oder einen Ort</translation>
    </message>
    <message>
        <source>%1 first</source>
        <translation>%1 zuerst</translation>
    </message>
    <message>
        <source>no one mentions %1</source>
        <translation>niemand erwähnt %1</translation>
    </message>
    <message>
        <source>no match for %1, so related skills: %2</source>
        <translation>kein Treffer für %1, daher verwandte Fähigkeiten: %2</translation>
    </message>
</context>
<context>
    <name>Colleagues::ValidatedField</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>Colleagues::VisibilityPicker</name>
    <message>
        <source>your email address</source>
        <translation>Laut E-Mail-Adresse</translation>
    </message>
    <message>
        <source>your phone number</source>
        <translation>Laut Telefonnummer</translation>
    </message>
    <message>
        <source>your location</source>
        <translation>Ihren Standort</translation>
    </message>
    <message>
        <source>your bio</source>
        <translation>Ihre Beschreibung</translation>
    </message>
    <message>
        <source>your interests</source>
        <translation>Ihre Interessen</translation>
    </message>
    <message>
        <source>your photo</source>
        <translation>Ihr Foto</translation>
    </message>
    <message>
        <source>Who sees %1</source>
        <translation>Wer %1 sieht</translation>
    </message>
    <message>
        <source>Every colleague</source>
        <translation>Alle Kolleginnen und Kollegen</translation>
    </message>
    <message>
        <source>Your manager, the people who share your manager, and everyone who reports to you</source>
        <translation>Ihre Führungskraft, alle mit derselben Führungskraft und alle, die an Sie berichten</translation>
    </message>
    <message>
        <source>Nobody but you (and the administrators)</source>
        <translation>Niemand außer Ihnen (und den Administratoren)</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>Mein Team</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Nur ich</translation>
    </message>
    <message>
        <source>Your company shows %1 to everyone.</source>
        <translation>Ihre Firma zeigt %1 allen.</translation>
    </message>
    <message>
        <source>Every colleague sees %1.</source>
        <translation>Alle Kolleginnen und Kollegen sehen %1.</translation>
    </message>
    <message>
        <source>Your manager, the people who share your manager and everyone who reports to you see %1.</source>
        <translation>Ihre Führungskraft, alle mit derselben Führungskraft und alle, die an Sie berichten, sehen %1.</translation>
    </message>
    <message>
        <source>Only you see %1.</source>
        <translation>Nur Sie sehen %1.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Find the colleague who knows, and message them.</source>
        <translation>Finden Sie die Kollegin oder den Kollegen, die es wissen, und schreiben Sie ihnen.</translation>
    </message>
    <message>
        <source>Keep the local store in DIR.</source>
        <translation>Den lokalen Speicher im Verzeichnis DIR ablegen.</translation>
    </message>
    <message>
        <source>Colleagues cannot start</source>
        <translation>Colleagues kann nicht starten</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>Colleagues</translation>
    </message>
    <message>
        <source>colleagues: there is no display to open the window on (DISPLAY is not set).
The commands need none: &quot;colleagues --help&quot; lists them.
</source>
        <translation>colleagues: Es gibt keinen Bildschirm, auf dem sich das Fenster öffnen könnte (DISPLAY ist nicht gesetzt).
Die Befehle brauchen keinen: &quot;colleagues --help&quot; zeigt sie.
</translation>
    </message>
</context>
</TS>
