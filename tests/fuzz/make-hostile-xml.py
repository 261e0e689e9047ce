#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the hostile packet seeds of tests/fuzz/corpus/xml from corpus/packet/primary.xml (committed; re-run after
changing this file).

Each carries one signature in the shape XmlSigner writes, with made-up digest, value and certificate (nothing here
verifies; the signed seeds are made at run time by fuzz_seeds), and one trick an attacker would try. All are small
and quick on a sound verifier: the fuzzer grows them (more expansions, more attributes, longer XPath).
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus", "xml")
DSIG = "http://www.w3.org/2000/09/xmldsig#"
EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
ENVELOPED = DSIG + "enveloped-signature"


def signature(data_transforms=None, key_info=None, signing_time="2026-06-01T08:30:15Z", data_uri="#data"):
    if data_transforms is None:
        data_transforms = f'<Transform Algorithm="{ENVELOPED}"></Transform><Transform Algorithm="{EXC_C14N}"></Transform>'
    if key_info is None:
        key_info = "<X509Data><X509Certificate>MIIBszCCAVmgAwIBAgIUZnV6eg==</X509Certificate></X509Data>"
    return (
        f'<Signature xmlns="{DSIG}" Id="sig-principal"><SignedInfo>'
        f'<CanonicalizationMethod Algorithm="{EXC_C14N}"></CanonicalizationMethod>'
        f'<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"></SignatureMethod>'
        f'<Reference URI="{data_uri}"><Transforms>{data_transforms}</Transforms>'
        f'<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></DigestMethod>'
        f'<DigestValue>47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=</DigestValue></Reference>'
        f'<Reference Type="http://www.w3.org/2000/09/xmldsig#SignatureProperties" URI="#sig-principal-props">'
        f'<Transforms><Transform Algorithm="{EXC_C14N}"></Transform></Transforms>'
        f'<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></DigestMethod>'
        f'<DigestValue>47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=</DigestValue></Reference></SignedInfo>'
        f'<SignatureValue>c2lnbmF0dXJl</SignatureValue><KeyInfo>{key_info}</KeyInfo>'
        f'<Object><SignatureProperties Id="sig-principal-props"><SignatureProperty Target="#sig-principal">'
        f'<SigningTime xmlns="urn:hocba:packet:1">{signing_time}</SigningTime>'
        f'<SignerRole xmlns="urn:hocba:packet:1">principal</SignerRole>'
        f'</SignatureProperty></SignatureProperties></Object></Signature>'
    )


def main():
    with open(os.path.join(HERE, "corpus", "packet", "primary.xml"), encoding="utf-8") as f:
        packet = f.read()
    assert "<Signatures></Signatures>" in packet

    def signed(sig=None, doctype="", data_attrs="", packet_text=packet):
        text = packet_text.replace("<Signatures></Signatures>", "<Signatures>" + (sig or signature()) + "</Signatures>")
        if doctype:
            text = text.replace("<RecordPacket ", doctype + "\n<RecordPacket ", 1)
        if data_attrs:
            text = text.replace('<Data Id="data"', '<Data Id="data"' + data_attrs, 1)
        return text

    entities = '<!DOCTYPE RecordPacket [<!ENTITY a "2026-06-01"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    rsa_key_value = ("<KeyValue><RSAKeyValue><Modulus>xA7SEU+e0yQH5rm9kbCDN9o3aPIo7HbP7tX6WOocLZAtNfyxSZDU16ksL6W"
                     "jubafOqNEpcwR3RdFsT7bCqnXPBe5ELh5u4VEy19MzxkXRgrMvavzyBpVRgBUwUlV5foK5hhmbktQhyNdy/6LpQRhDUDsTvK+"
                     "g9Ucj47es9AQJ3U=</Modulus><Exponent>AQAB</Exponent></RSAKeyValue></KeyValue>")
    nested = "<x>" * 120 + "</x>" * 120
    seeds = {
        # An internal entity expanded in the signed SigningTime (issue 9: 20,000 expansions took 24 s and 6 GB).
        "entity-in-signing-time.xml": signed(signature(signing_time="&b;"), doctype=entities),
        # An XPath transform on the data reference (issue 9: an expensive one ran for minutes).
        "xpath-transform.xml": signed(signature(data_transforms=(
            f'<Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">'
            f'<XPath xmlns:h="urn:hocba:packet:1">ancestor-or-self::h:Data</XPath></Transform>'
            f'<Transform Algorithm="{EXC_C14N}"></Transform>'))),
        # An XSLT transform: libxslt could read and write files.
        "xslt-transform.xml": signed(signature(data_transforms=(
            '<Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116">'
            '<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0">'
            '<xsl:template match="/"><xsl:copy-of select="document(\'/etc/hostname\')"></xsl:copy-of>'
            '</xsl:template></xsl:stylesheet></Transform>'))),
        # The forged packet of issue 9: the key comes from KeyValue, not from a certificate.
        "key-value-instead-of-certificate.xml": signed(signature(key_info=rsa_key_value)),
        # A reference and a key retrieval that point outside the document.
        "external-references.xml": signed(signature(
            data_uri="file:///etc/passwd",
            key_info='<RetrievalMethod URI="http://127.0.0.1:9/key.der" '
                     'Type="http://www.w3.org/2000/09/xmldsig#rawX509Certificate"></RetrievalMethod>')),
        # Many attributes on the signed element (issue 9: 100,000 took 100 s).
        "many-attributes.xml": signed(data_attrs="".join(f' a{i}="{i}"' for i in range(300))),
        # Two elements claim Id="data".
        "duplicate-ids.xml": signed(packet_text=packet.replace("<Signatures>", '<Extra Id="data"></Extra><Signatures>')),
        # Deep nesting inside the signed data.
        "deep-nesting.xml": signed(packet_text=packet.replace("</Data>", nested + "</Data>")),
        # The student's name decomposed (NFD): the schema check requires NFC.
        "nfd-text.xml": signed(packet_text=re.sub(r"<FullName>([^<]*)</FullName>",
                                                  lambda m: "<FullName>%s</FullName>" % unicodedata.normalize(
                                                      "NFD", m.group(1)), packet)),
        # An encoding declaration that does not match the bytes.
        "wrong-encoding.xml": signed().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
    }
    os.makedirs(OUT, exist_ok=True)
    for name, text in seeds.items():
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    print("wrote %d seeds to %s" % (len(seeds), OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
