export function ConnectionLost() {
  return (
    <main style={{ fontFamily: 'sans-serif', padding: 32 }}>
      <h1>Le poste ne répond pas</h1>
      <p>
        L'application n'arrive pas à joindre le poste. Rechargez la page ; si cela continue, prévenez le référent
        numérique.
      </p>
    </main>
  );
}
