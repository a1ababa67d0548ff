export default function Home() {
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-3xl font-semibold">Doable</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Your tasks, calm and private.</p>
    </main>
  );
}
