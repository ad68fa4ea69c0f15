import { render } from 'preact'
import './styles.css'
import { App } from './ui/App'

document.documentElement.lang = localStorage.getItem('ze-console-locale') === 'en' ? 'en' : 'pl'
render(<App />, document.getElementById('app')!)
