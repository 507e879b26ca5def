//! TLS between desks and their host: TLS 1.3 only (rustls with ring), a certificate the
//! host makes once and keeps in its data folder, and desks that trust exactly that
//! certificate (pinned by its SHA-256) once paired.

use std::io;
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, ClientConnection, DigitallySignedStruct, ServerConfig,
    ServerConnection, SignatureScheme, StreamOwned,
};

/// The host's certificate and private key (PKCS#8), both DER.
#[derive(Clone)]
pub struct Identity {
    pub cert: Vec<u8>,
    key: Vec<u8>,
}

const CERT_FILE: &str = "host-cert.der";
const KEY_FILE: &str = "host-key.der";

impl Identity {
    /// The identity kept in `dir`, made on first use. It stays on this machine: the
    /// private key is never in a conference file, so a copy of the file carries none.
    pub fn load_or_make(dir: &Path) -> io::Result<Self> {
        let (cert_path, key_path) = (dir.join(CERT_FILE), dir.join(KEY_FILE));
        if let (Ok(cert), Ok(key)) = (std::fs::read(&cert_path), std::fs::read(&key_path)) {
            return Ok(Self { cert, key });
        }
        let id = Self::make()?;
        std::fs::create_dir_all(dir)?;
        std::fs::write(&key_path, &id.key)?;
        std::fs::write(&cert_path, &id.cert)?;
        Ok(id)
    }

    /// A new ECDSA P-256 certificate; its name is never checked (the pin is).
    pub fn make() -> io::Result<Self> {
        let key = rcgen::KeyPair::generate().map_err(io::Error::other)?;
        let mut params =
            rcgen::CertificateParams::new(vec![SNI.to_owned()]).map_err(io::Error::other)?;
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "hoinghi host");
        let cert = params.self_signed(&key).map_err(io::Error::other)?;
        Ok(Self {
            cert: cert.der().to_vec(),
            key: key.serialize_der(),
        })
    }

    pub fn fingerprint(&self) -> [u8; 32] {
        fingerprint(&self.cert)
    }
}

/// SHA-256 of a certificate.
pub fn fingerprint(cert_der: &[u8]) -> [u8; 32] {
    let d = ring::digest::digest(&ring::digest::SHA256, cert_der);
    let mut out = [0; 32];
    out.copy_from_slice(d.as_ref());
    out
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The name desks ask for; the verifier ignores names, it checks the pin.
const SNI: &str = "hoinghi.invalid";
const ALPN: &[u8] = b"hoinghi/1";
const EXPORTER_LABEL: &[u8] = b"EXPORTER-hoinghi-channel-v1";

pub fn server_config(id: &Identity) -> io::Result<Arc<ServerConfig>> {
    let cert = CertificateDer::from(id.cert.clone());
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(id.key.clone()));
    let mut cfg = ServerConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(io::Error::other)?
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .map_err(io::Error::other)?;
    // No resumption: every connection is a full handshake, checked against the pin.
    cfg.session_storage = Arc::new(rustls::server::NoServerSessionStorage {});
    cfg.send_tls13_tickets = 0;
    cfg.alpn_protocols = vec![ALPN.to_vec()];
    Ok(Arc::new(cfg))
}

/// Trusts one certificate, by its SHA-256; or, while pairing (`None`), any certificate,
/// which the pairing code then binds (see `pairing`).
#[derive(Debug)]
struct Pinned {
    pin: Option<[u8; 32]>,
    algs: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if !intermediates.is_empty() {
            return Err(rustls::Error::InvalidCertificate(
                CertificateError::BadEncoding,
            ));
        }
        match self.pin {
            None => Ok(ServerCertVerified::assertion()),
            Some(pin) if fingerprint(end_entity.as_ref()) == pin => {
                Ok(ServerCertVerified::assertion())
            }
            Some(_) => Err(rustls::Error::InvalidCertificate(
                CertificateError::ApplicationVerificationFailure,
            )),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algs)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algs)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algs.supported_schemes()
    }
}

pub fn client_config(pin: Option<[u8; 32]>) -> io::Result<Arc<ClientConfig>> {
    let verifier = Pinned {
        pin,
        algs: rustls::crypto::ring::default_provider().signature_verification_algorithms,
    };
    let mut cfg = ClientConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(io::Error::other)?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    cfg.resumption = rustls::client::Resumption::disabled();
    cfg.alpn_protocols = vec![ALPN.to_vec()];
    Ok(Arc::new(cfg))
}

pub type ClientStream = StreamOwned<ClientConnection, TcpStream>;
pub type ServerStream = StreamOwned<ServerConnection, TcpStream>;

const HANDSHAKE: Duration = Duration::from_secs(10);

/// Connects and finishes the handshake (a wrong pin fails here).
pub fn connect(addr: SocketAddr, cfg: Arc<ClientConfig>) -> io::Result<ClientStream> {
    let mut sock = TcpStream::connect_timeout(&addr, Duration::from_secs(3))?;
    sock.set_nodelay(true)?;
    sock.set_read_timeout(Some(HANDSHAKE))?;
    sock.set_write_timeout(Some(HANDSHAKE))?;
    let name = ServerName::try_from(SNI)
        .map_err(io::Error::other)?
        .to_owned();
    let mut conn = ClientConnection::new(cfg, name).map_err(io::Error::other)?;
    while conn.is_handshaking() {
        conn.complete_io(&mut sock)?;
    }
    Ok(StreamOwned::new(conn, sock))
}

/// Finishes a desk's handshake on the host.
pub fn accept(sock: TcpStream, cfg: Arc<ServerConfig>) -> io::Result<ServerStream> {
    let mut sock = sock;
    sock.set_nodelay(true)?;
    sock.set_read_timeout(Some(HANDSHAKE))?;
    sock.set_write_timeout(Some(HANDSHAKE))?;
    let mut conn = ServerConnection::new(cfg).map_err(io::Error::other)?;
    while conn.is_handshaking() {
        conn.complete_io(&mut sock)?;
    }
    Ok(StreamOwned::new(conn, sock))
}

/// 32 bytes both ends of this TLS session share and no other session has (RFC 8446
/// exporter): pairing binds itself to the session with them.
pub fn channel_binding<C, S>(conn: &C) -> io::Result<[u8; 32]>
where
    C: std::ops::Deref<Target = rustls::ConnectionCommon<S>>,
{
    conn.export_keying_material([0u8; 32], EXPORTER_LABEL, None)
        .map_err(io::Error::other)
}

/// The fingerprint of the certificate the host showed.
pub fn peer_fingerprint(conn: &ClientConnection) -> Option<[u8; 32]> {
    conn.peer_certificates()
        .and_then(|c| c.first())
        .map(|c| fingerprint(c.as_ref()))
}
